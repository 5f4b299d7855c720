import { DEFAULT_MODELS, findModel } from '../../nodes/Bfl/catalog/models';
import type { ModelSpec } from '../../nodes/Bfl/catalog/types';
import { buildBody } from '../../nodes/Bfl/core/request/buildBody';
import { parseAspectRatio, validateRequest } from '../../nodes/Bfl/core/request/validate';

const model = (id: string, operation: 'generate' | 'edit' = 'generate') =>
	findModel(operation, id) as ModelSpec;
const messages = (
	id: string,
	input: Parameters<typeof validateRequest>[1],
	operation: 'generate' | 'edit' = 'generate',
) => validateRequest(model(id, operation), input).map((problem) => problem.message);

describe('validateRequest', () => {
	it('accepts a plain FLUX.2 request', () => {
		expect(
			messages('flux-2-pro', {
				prompt: 'a fox',
				width: 1024,
				height: 768,
				seed: 1,
				safetyTolerance: 5,
			}),
		).toEqual([]);
	});

	it('names the field, the rule and the value for a wrong FLUX.2 size', () => {
		expect(messages('flux-2-pro', { prompt: 'a fox', width: 1000, height: 48 })).toEqual([
			'Width must be a multiple of 16 from 64 to 8192 pixels for FLUX.2 [pro] (got 1000)',
			'Height must be a multiple of 16 from 64 to 8192 pixels for FLUX.2 [pro] (got 48)',
		]);
	});

	it('caps FLUX.2 at 4 megapixels', () => {
		expect(messages('flux-2-max', { prompt: 'a', width: 2048, height: 2048 })).toEqual([]);
		expect(messages('flux-2-max', { prompt: 'a', width: 2064, height: 2048 })[0]).toMatch(
			/at most 4 megapixels/,
		);
	});

	it('applies the FLUX1.1 rule of 256–1440 in multiples of 32', () => {
		expect(messages('flux-pro-1.1', { width: 1440, height: 256 })).toEqual([]);
		expect(messages('flux-dev', { width: 1472, height: 240 })).toEqual([
			'Width must be a multiple of 32 from 256 to 1440 pixels for FLUX.1 [dev] (Legacy) (got 1472)',
			'Height must be a multiple of 32 from 256 to 1440 pixels for FLUX.1 [dev] (Legacy) (got 240)',
		]);
	});

	it('accepts aspect ratios between 21:9 and 9:21 only', () => {
		expect(messages('flux-pro-1.1-ultra', { aspectRatio: '21:9' })).toEqual([]);
		expect(messages('flux-kontext-pro', { prompt: 'x', aspectRatio: '9:21' })).toEqual([]);
		expect(messages('flux-kontext-pro', { prompt: 'x', aspectRatio: '3:1' })[0]).toBe(
			'Aspect Ratio must look like 16:9 and lie between 21:9 and 9:21 for FLUX.1 Kontext [pro] (Legacy) (got "3:1")',
		);
		expect(messages('flux-pro-1.1-ultra', { aspectRatio: 'wide' })).toHaveLength(1);
		expect(parseAspectRatio(' 16 : 9 ')).toBeCloseTo(16 / 9);
		expect(parseAspectRatio('0:9')).toBeUndefined();
	});

	it('uses the safety range of the family: 0–5 for FLUX.2, 0–6 for FLUX.1', () => {
		expect(messages('flux-2-pro', { prompt: 'a', safetyTolerance: 6 })).toEqual([
			'Safety Tolerance must be a whole number from 0 to 5 for FLUX.2 [pro] (got 6)',
		]);
		expect(messages('flux-pro-1.1', { safetyTolerance: 6 })).toEqual([]);
		expect(messages('flux-pro-1.1', { safetyTolerance: 2.5 })).toHaveLength(1);
		expect(messages('flux-tools/erase-v1', { safetyTolerance: 6 }, 'edit')).toHaveLength(1);
		expect(messages('flux-pro-1.0-fill', { safetyTolerance: 6 }, 'edit')).toEqual([]);
	});

	it('checks steps and guidance against the model row', () => {
		expect(messages('flux-2-flex', { prompt: 'a', steps: 51, guidance: 1 })).toEqual([
			'Steps must be a whole number from 1 to 50 for FLUX.2 [flex] (got 51)',
			'Guidance must be a number from 1.5 to 10 for FLUX.2 [flex] (got 1)',
		]);
		expect(messages('flux-pro-1.0-expand', { top: 2049, steps: 14 }, 'edit')).toEqual([
			'Steps must be a whole number from 15 to 50 for FLUX.1 Expand [pro] (Legacy) (got 14)',
			'Expand Top must be a whole number from 0 to 2048 for FLUX.1 Expand [pro] (Legacy) (got 2049)',
		]);
		expect(messages('flux-tools/erase-v1', { dilatePixels: 26 }, 'edit')).toHaveLength(1);
		expect(messages('flux-tools/outpainting-v1', {}, 'edit')).toEqual([
			'Width is required for FLUX Tools Outpainting and must not be empty',
			'Height is required for FLUX Tools Outpainting and must not be empty',
		]);
		expect(messages('flux-dev', { guidance: 6 })).toEqual([
			'Guidance must be a number from 1.5 to 5 for FLUX.1 [dev] (Legacy) (got 6)',
		]);
	});

	it('requires a prompt where BFL does, and rejects a blank one', () => {
		expect(messages('flux-2-pro', { prompt: '   ' })).toEqual([
			'Prompt is required for FLUX.2 [pro] and must not be empty',
		]);
		expect(messages('flux-pro-1.1', { prompt: '' })).toEqual([]);
	});

	it('rejects a negative or fractional seed and an unknown output format', () => {
		expect(messages('flux-2-pro', { prompt: 'a', seed: -2, outputFormat: 'gif' })).toEqual([
			'Seed must be a whole number from 0 to 4294967295 for FLUX.2 [pro] (got -2)',
			'Output Format must be one of jpeg, png, webp for FLUX.2 [pro] (got "gif")',
		]);
		expect(messages('flux-2-pro', { prompt: 'a', seed: 1.5 })[0]).toMatch(/whole number/);
	});

	it("checks BFL's end-user id length and sends it only where the schema has it", () => {
		expect(messages('flux-2-pro', { prompt: 'a', user: 'u'.repeat(257) })).toEqual([
			// Long values are reported by length, never echoed back in full.
			'End User ID must be text of 1 to 256 characters for FLUX.2 [pro] (got 257 characters)',
		]);
		expect(buildBody(model('flux-dev'), { prompt: 'a', user: 'customer-7' })).toEqual({
			prompt: 'a',
			user: 'customer-7',
		});
		expect(buildBody(model('flux-3-image'), { prompt: 'a', user: 'customer-7' })).toEqual({
			prompt: 'a',
		});
		expect(findModel('finetune', 'flux-pro-1.1-ultra-finetuned')?.fields.user).toBeUndefined();
		expect(findModel('finetune', 'flux-pro-1.0-fill-finetuned')?.fields.user).toBeDefined();
	});

	it('takes Seed -1 as "random": not checked and not sent, while 0 is a seed', () => {
		expect(messages('flux-2-pro', { prompt: 'a', seed: -1 })).toEqual([]);
		expect(buildBody(model('flux-2-pro'), { prompt: 'a', seed: -1 })).toEqual({ prompt: 'a' });
		expect(buildBody(model('flux-2-pro'), { prompt: 'a', seed: 0 })).toEqual({
			prompt: 'a',
			seed: 0,
		});
	});
});

describe('buildBody', () => {
	it('maps prompt upsampling per family: disable_pup, prompt_upsampling, or nothing', () => {
		expect(buildBody(model('flux-2-pro'), { prompt: 'a', promptUpsampling: false })).toEqual({
			prompt: 'a',
			disable_pup: true,
		});
		expect(buildBody(model('flux-2-max'), { prompt: 'a', promptUpsampling: true })).toEqual({
			prompt: 'a',
			disable_pup: false,
		});
		expect(buildBody(model('flux-2-flex'), { prompt: 'a', promptUpsampling: false })).toEqual({
			prompt: 'a',
			prompt_upsampling: false,
		});
		expect(buildBody(model('flux-pro-1.1'), { prompt: 'a', promptUpsampling: true })).toEqual({
			prompt: 'a',
			prompt_upsampling: true,
		});
		expect(buildBody(model('flux-2-klein-4b'), { prompt: 'a', promptUpsampling: true })).toEqual({
			prompt: 'a',
		});
	});

	it('omits unset values and fields the endpoint does not take', () => {
		expect(
			buildBody(model('flux-2-klein-9b'), {
				prompt: 'a',
				steps: 20,
				guidance: 3,
				raw: true,
				seed: undefined,
			}),
		).toEqual({
			prompt: 'a',
		});
		expect(
			buildBody(model('flux-pro-1.1-ultra'), {
				prompt: 'a',
				width: 1024,
				aspectRatio: ' 16:9',
				raw: true,
			}),
		).toEqual({
			prompt: 'a',
			aspect_ratio: '16:9',
			raw: true,
		});
	});

	it('sends snake_case names', () => {
		expect(
			buildBody(model('flux-dev'), {
				prompt: 'a',
				width: 512,
				height: 512,
				seed: 3,
				safetyTolerance: 1,
				outputFormat: 'png',
				steps: 28,
				guidance: 3,
			}),
		).toEqual({
			prompt: 'a',
			width: 512,
			height: 512,
			seed: 3,
			safety_tolerance: 1,
			output_format: 'png',
			steps: 28,
			guidance: 3,
		});
	});
});

describe('default models', () => {
	it.each(['generate', 'edit', 'finetune'] as const)(
		'the %s default is one of its own models',
		(operation) => {
			expect(findModel(operation, DEFAULT_MODELS[operation])).toBeDefined();
		},
	);
});
