import type { INodePropertyOptions } from 'n8n-workflow';

import { modelsFor } from '../../nodes/Bfl/catalog/models';
import { DEFAULT_MAX_DOWNLOAD_MB } from '../../nodes/Bfl/core/bytes/media';
import { description, shown, shownOptions, shownProperty, trigger } from '../helpers/description';

const GENERATE = { resource: 'image', operation: 'generate', model: 'flux-2-pro' };
const WAITING_ONLY = ['download', 'pollInterval', 'timeout', 'binaryPropertyName'];

describe('options that do not apply are hidden', () => {
	it('shows polling and download options while Completion is Wait', () => {
		expect(shownOptions({ ...GENERATE, completion: 'wait' }, 'options')).toEqual(
			expect.arrayContaining([...WAITING_ONLY, 'concurrency', 'requestTimeout']),
		);
	});

	it.each(['return', 'webhook'])(
		'hides them with Completion %s, keeping what the submit still uses',
		(completion) => {
			const names = shownOptions({ ...GENERATE, completion }, 'options');
			for (const name of WAITING_ONLY) expect(names).not.toContain(name);
			expect(names).toEqual(expect.arrayContaining(['concurrency', 'requestTimeout']));
		},
	);

	it('keeps them for Task → Get Result, which has no Completion', () => {
		expect(shownOptions({ resource: 'task', operation: 'getResult' }, 'options')).toEqual(
			expect.arrayContaining([...WAITING_ONLY, 'waitForCompletion']),
		);
	});
});

describe('field order and placeholders', () => {
	const names = (parameters: Record<string, unknown>) =>
		shown(parameters as never)
			.filter((property) => property.type !== 'notice')
			.map((property) => property.name);

	it('puts Finetune ID first in Finetune → Generate', () => {
		const fields = names({ resource: 'finetune', operation: 'generate' });
		expect(fields.slice(0, 4)).toEqual(['resource', 'operation', 'finetuneId', 'model']);
	});

	it('shows an edit instruction, not a generation prompt, where one belongs', () => {
		const generate = shownProperty(GENERATE, 'prompt');
		const edit = shownProperty({ resource: 'image', operation: 'edit' }, 'prompt');
		const finetune = shownProperty({ resource: 'finetune', operation: 'generate' }, 'prompt');
		expect(generate.placeholder).toMatch(/red fox/);
		expect(edit.placeholder).not.toBe(generate.placeholder);
		expect(edit.placeholder).toMatch(/keep/i);
		expect(finetune.placeholder).toMatch(/TOK/);
	});

	it('tells an agent what makes a good prompt and which model to pick', () => {
		expect(shownProperty(GENERATE, 'prompt').description).toMatch(/subject first/);
		expect(shownProperty(GENERATE, 'model').description).toMatch(/\[max\].*\[klein\]/);
	});
});

describe('notices and labels', () => {
	it("Edit's image notice is one short sentence", () => {
		const notices = shown({ resource: 'image', operation: 'edit', model: 'flux-2-pro' }).filter(
			(property) => property.type === 'notice',
		);
		expect(notices.map((notice) => notice.displayName)).toEqual([
			'FLUX.2 [pro] takes 1–8 reference images (binary fields or URLs).',
		]);
	});

	it('every image notice is one sentence without a numbered list', () => {
		for (const property of description.properties.filter((p) => p.name.startsWith('images'))) {
			if (property.type !== 'notice') continue;
			expect(property.displayName).not.toMatch(/\d\. /);
			expect(property.displayName.length).toBeLessThan(110);
		}
	});

	it('region notices do not name a host the credential may not use', () => {
		for (const property of description.properties.filter((p) => p.type === 'notice'))
			expect(property.displayName).not.toMatch(/api\.(eu1|us1)\.bfl\.ai/);
	});

	it('Get Result names the Completion choice that returns a polling URL', () => {
		const url = shownProperty({ resource: 'task', operation: 'getResult' }, 'pollingUrl');
		expect(url.description).toMatch(/Completion → Return Immediately/);
		expect(url.description).not.toMatch(/Wait for Completion off/);
	});

	it('the binary field option has a label that fits the panel, on the node and the trigger', () => {
		const options = [
			...((shownProperty(GENERATE, 'options').options ?? []) as Array<{ name: string }>),
			...((trigger.description.properties.find((p) => p.name === 'options')?.options ??
				[]) as Array<{ name: string }>),
		] as Array<{ name: string; displayName: string }>;
		const labels = options
			.filter((option) => option.name === 'binaryPropertyName')
			.map((option) => option.displayName);
		expect(labels).toEqual(['Output Binary Field', 'Output Binary Field']);
	});
});

describe('Aspect Ratio is a list from the catalog', () => {
	const ratioModels = [...modelsFor('generate'), ...modelsFor('edit'), ...modelsFor('finetune')]
		.filter((model) => model.size.kind === 'aspectRatio')
		.map((model) => ({
			model,
			resource: model.operation === 'finetune' ? 'finetune' : 'image',
			operation: model.operation === 'finetune' ? 'generate' : model.operation,
		}));

	it('covers the Ultra and Kontext rows', () => {
		expect(ratioModels.map(({ model }) => model.id)).toEqual(
			expect.arrayContaining([
				'flux-pro-1.1-ultra',
				'flux-kontext-pro',
				'flux-pro-1.1-ultra-finetuned',
			]),
		);
	});

	it.each(ratioModels.map((entry) => [`${entry.operation} ${entry.model.id}`, entry]))(
		'%s offers its own ratios, the model default first, and keeps the old default',
		(_id, { model, resource, operation }) => {
			const field = shownProperty({ resource, operation, model: model.id }, 'aspectRatio');
			const values = (field.options as INodePropertyOptions[]).map((option) => option.value);
			const ratios = model.size.kind === 'aspectRatio' ? model.size.ratios : [];
			expect(field.type).toBe('options');
			expect(field.noDataExpression).toBeUndefined();
			expect(field.default).toBe('');
			expect(values).toEqual(['', ...ratios]);
		},
	);
});

describe('Completion is one property for images and video', () => {
	const choices = (parameters: Record<string, unknown>) =>
		(shownProperty(parameters as never, 'completion').options as INodePropertyOptions[]).map(
			(option) => [option.value, option.name, option.description],
		);
	const forVideo = (choice: unknown[]) =>
		choice.map((part) => (typeof part === 'string' ? part.replace('image', 'video') : part));

	it('Video → Upscale offers the image operations’ three choices, worded for video', () => {
		expect(choices({ resource: 'video', operation: 'upscale' })).toEqual(
			choices(GENERATE).map(forVideo),
		);
	});

	it.each(['generate', 'enhanceDraft', 'edit'])('Video → %s offers no Webhook', (operation) => {
		expect(choices({ resource: 'video', operation })).toEqual(
			choices(GENERATE)
				.filter(([value]) => value !== 'webhook')
				.map(forVideo),
		);
	});

	it('Task → Get Result has a video cap beside the image one, at the Video options’ default', () => {
		const options = shownProperty({ resource: 'task', operation: 'getResult' } as never, 'options')
			.options as Array<{ name: string; default?: unknown; description?: string }>;
		const names = options.map((option) => option.name);
		expect(names.indexOf('maxVideoDownloadSize')).toBe(names.indexOf('maxDownloadSize') + 1);
		const byName = (name: string) => options.find((option) => option.name === name);
		expect(byName('maxVideoDownloadSize')?.default).toBe(DEFAULT_MAX_DOWNLOAD_MB.video);
		expect(byName('maxDownloadSize')?.default).toBe(DEFAULT_MAX_DOWNLOAD_MB.image);
		expect(byName('maxDownloadSize')?.description).toMatch(/image result/);
	});

	it('video shows Max Download Size while waiting, defaulting to 1024 MB', () => {
		expect(shownOptions({ resource: 'video', operation: 'edit' }, 'options')).toContain(
			'maxDownloadSize',
		);
		const options = shownProperty({ resource: 'video', operation: 'edit' } as never, 'options')
			.options as Array<{ name: string; default?: unknown }>;
		expect(options.find((option) => option.name === 'maxDownloadSize')?.default).toBe(1024);
	});
});
