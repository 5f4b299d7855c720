import type { INodeProperties } from 'n8n-workflow';

import { VIDEO_MODELS, videoRowsOf, type VideoSpec } from '../../nodes/Bfl/catalog/videoModels';
import { videoProperties } from '../../nodes/Bfl/descriptions/videoFields';

const generate = videoProperties(videoRowsOf('generate'));

/** The properties n8n shows for a Mode (those without a videoMode condition, or naming it). */
const shownFor = (mode: string, name: string) =>
	generate.filter((property) => {
		const modes = property.displayOptions?.show?.videoMode as string[] | undefined;
		return property.name === name && (!modes || modes.includes(mode));
	});
const valuesOf = (property: INodeProperties) =>
	property.options?.map((o) => 'value' in o && o.value);

describe('the video description comes from the catalog rows', () => {
	it('offers one Mode per Generate row, named and described by the row', () => {
		const [mode] = generate;
		expect(mode.name).toBe('videoMode');
		expect(mode.options).toEqual(
			VIDEO_MODELS.filter((row) => row.operation === 'generate').map((row) => ({
				name: row.displayName,
				value: row.mode,
				description: row.description,
			})),
		);
	});

	it.each([
		['t2v', 20],
		['i2v', 20],
		['v2v', 15],
	])('%s offers Auto and 5 to %i seconds, its row’s range, and no other Duration', (mode, max) => {
		const durations = shownFor(mode, 'duration');
		expect(durations).toHaveLength(1);
		const seconds = Array.from({ length: max - 4 }, (_, i) => String(i + 5));
		expect(valuesOf(durations[0])).toEqual(['auto', ...seconds]);
		expect(durations[0].default).toBe('auto');
		expect(durations[0].description).toContain(`5 to ${max} seconds`);
	});

	it('shows each mode its own media: none, keyframes, a start video', () => {
		const media = (mode: string) =>
			['keyframes', 'videoSource'].filter((name) => shownFor(mode, name).length);
		expect(media('t2v')).toEqual([]);
		expect(media('i2v')).toEqual(['keyframes']);
		expect(media('v2v')).toEqual(['videoSource']);
		expect(shownFor('v2v', 'videoSource')[0].displayName).toBe('Start Video Source');
	});

	it('keeps each tool’s parameters where saved workflows have them', () => {
		const names = (operation: 'edit' | 'upscale' | 'enhanceDraft') =>
			videoProperties(videoRowsOf(operation)).map((property) => property.name);
		expect(names('edit')).toEqual([
			'videoSource',
			'videoBinaryPropertyName',
			'videoUrl',
			'instruction',
			'additionalFields',
		]);
		expect(names('upscale')).toEqual([
			'videoSource',
			'videoBinaryPropertyName',
			'videoUrl',
			'upscaleFactor',
			'creativity',
			'prompt',
			'additionalFields',
		]);
		expect(names('enhanceDraft')).toEqual([
			'draftSource',
			'draftBinaryPropertyName',
			'draftUrl',
			'resolution',
			'additionalFields',
		]);
		const resolution = videoProperties(videoRowsOf('enhanceDraft')).find(
			(property) => property.name === 'resolution',
		);
		expect(resolution?.default).toBe('fhd');
	});

	it('takes a new mode as one row: its choice, its fields and its durations follow', () => {
		const [t2v] = videoRowsOf('generate');
		const longer: VideoSpec = {
			...t2v,
			mode: 'long',
			fixed: { mode: 'long' },
			displayName: 'Long Take',
			description: 'A longer clip',
			fields: { ...t2v.fields, duration: { range: { min: 10, max: 30 }, defaultValue: 'auto' } },
		};
		const properties = videoProperties([...videoRowsOf('generate'), longer]);
		expect(valuesOf(properties[0])).toEqual(['t2v', 'i2v', 'v2v', 'long']);
		const durations = properties.filter(
			(property) =>
				property.name === 'duration' &&
				(property.displayOptions?.show?.videoMode as string[]).includes('long'),
		);
		expect(durations).toHaveLength(1);
		expect(valuesOf(durations[0])?.slice(0, 2)).toEqual(['auto', '10']);
		expect(valuesOf(durations[0])?.at(-1)).toBe('30');
	});
});
