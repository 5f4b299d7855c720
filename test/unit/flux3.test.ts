import { findModel, modelsFor } from '../../nodes/Bfl/catalog/models';
import type { ModelSpec } from '../../nodes/Bfl/catalog/types';
import { buildBody } from '../../nodes/Bfl/core/request/buildBody';
import { checkImageSources } from '../../nodes/Bfl/core/request/images';
import { validateRequest } from '../../nodes/Bfl/core/request/validate';
import { usedSettings } from '../../nodes/Bfl/core/results/output';
import { completionProperties } from '../../nodes/Bfl/descriptions/completion';
import { primaryProperties } from '../../nodes/Bfl/descriptions/modelFields';

const flux3 = (operation: 'generate' | 'edit') => findModel(operation, 'flux-3-image') as ModelSpec;
const messages = (operation: 'generate' | 'edit', input: Parameters<typeof validateRequest>[1]) =>
	validateRequest(flux3(operation), input).map((problem) => problem.message);

describe('FLUX 3 Image catalog rows', () => {
	it('is the first model of Generate and Edit', () => {
		expect(modelsFor('generate')[0].id).toBe('flux-3-image');
		expect(modelsFor('edit')[0].id).toBe('flux-3-image');
	});

	it('sends exactly the fields its closed schema takes, and never seed, size or format', () => {
		const body = buildBody(
			flux3('edit'),
			{
				prompt: 'the knight from image 1',
				aspectRatio: '16:9',
				resolution: '2k',
				safetyTolerance: 4,
				grounding: false,
				seed: 7,
				width: 1024,
				outputFormat: 'png',
				promptUpsampling: true,
			},
			{ images: ['https://example.com/a.png', 'iVBORw0K'] },
		);
		expect(body).toEqual({
			prompt: 'the knight from image 1',
			aspect_ratio: '16:9',
			resolution: '2k',
			safety_tolerance: 4,
			grounding: false,
			images: ['https://example.com/a.png', 'iVBORw0K'],
		});
	});

	it('takes auto and the 15 listed ratios only, and the five tiers', () => {
		expect(messages('generate', { prompt: 'a', aspectRatio: 'auto', resolution: '4k' })).toEqual(
			[],
		);
		expect(messages('generate', { prompt: 'a', aspectRatio: '7:5' })).toEqual([]);
		expect(messages('generate', { prompt: 'a', aspectRatio: '3:1' })[0]).toMatch(
			/^Aspect Ratio must be one of auto, 21:9, 2:1, .* for FLUX 3 Image \(got "3:1"\)$/,
		);
		expect(messages('generate', { prompt: 'a', resolution: '8k' })[0]).toBe(
			'Resolution must be one of 768sq, 1k, 1.5k, 2k, 4k for FLUX 3 Image (got "8k")',
		);
		expect(messages('generate', { prompt: 'a', safetyTolerance: 5 })[0]).toMatch(
			/from 0 to 4 for FLUX 3 Image/,
		);
		expect(messages('generate', { prompt: ' ' })[0]).toMatch(/Prompt is required/);
	});

	it('takes 0–10 images for Generate and 1–10 for Edit', () => {
		const url = { source: 'url' as const, url: 'https://example.com/a.png' };
		expect(checkImageSources(flux3('generate'), [])).toEqual([]);
		expect(checkImageSources(flux3('edit'), [])[0].message).toMatch(/needs 1 input image/);
		expect(checkImageSources(flux3('edit'), Array(10).fill(url))).toEqual([]);
		expect(checkImageSources(flux3('edit'), Array(11).fill(url))[0].message).toMatch(/at most 10/);
	});

	it('reports the tier and ratio used, BFL defaults when none was sent', () => {
		expect(usedSettings(flux3('generate'), { prompt: 'a' })).toEqual({
			resolution: '1k',
			aspectRatio: 'auto',
		});
		expect(
			usedSettings(flux3('generate'), { prompt: 'a', resolution: '4k', aspectRatio: '9:16' }),
		).toEqual({ resolution: '4k', aspectRatio: '9:16' });
		expect(usedSettings(findModel('generate', 'flux-2-pro')!, { prompt: 'a' })).toEqual({});
	});

	it('lists FLUX 3 ratios apart from the Ultra and Kontext list, without the any-ratio hint', () => {
		const ratios = primaryProperties(modelsFor('generate')).filter(
			(property) => property.name === 'aspectRatio',
		);
		const list = ratios.find((property) =>
			(property.displayOptions?.show?.['/model'] as string[]).includes('flux-3-image'),
		)!;
		expect(list.displayOptions?.show?.['/model']).toEqual(['flux-3-image']);
		// Model Default (empty: BFL's auto) and the 15 ratios.
		expect(list.default).toBe('');
		expect(list.options).toHaveLength(16);
		expect(list.hint).toBeUndefined();
		expect(validateRequest(flux3('generate'), { prompt: 'a', aspectRatio: '5:3' })).toHaveLength(1);
	});

	it('offers no Webhook completion for models whose schema has no webhook_url', () => {
		const [withWebhook, withoutWebhook] = completionProperties(modelsFor('edit'));
		const values = (property: typeof withWebhook) =>
			(property.options as Array<{ value: string }>).map((option) => option.value);
		expect(values(withWebhook)).toContain('webhook');
		expect(values(withoutWebhook)).toEqual(['wait', 'return']);
		expect(withoutWebhook.displayOptions?.show?.['/model']).toEqual([
			'flux-3-image',
			'flux-3.1-image',
			'flux-3-image-klein',
			'flux-tools/outpainting-v1',
		]);
	});
});
