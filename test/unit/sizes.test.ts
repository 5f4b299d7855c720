import { MODELS } from '../../nodes/Bfl/catalog/models';
import { SIZE_PRESETS, presetSize } from '../../nodes/Bfl/catalog/sizes';
import { validateRequest } from '../../nodes/Bfl/core/validate';

describe('size presets', () => {
	const pixelModels = MODELS.filter((model) => model.size.kind === 'pixels' && model.fields.width);

	it.each(SIZE_PRESETS.map((preset) => [preset.value] as const))(
		'%s suits every model with width and height',
		(value) => {
			const size = presetSize(value)!;
			for (const model of pixelModels) {
				const problems = validateRequest(model, { prompt: 'x', finetuneId: 'f', ...size });
				expect([model.id, problems]).toEqual([model.id, []]);
			}
		},
	);

	it('reads only known presets', () => {
		expect(presetSize('1344x768')).toEqual({ width: 1344, height: 768 });
		expect(presetSize('custom')).toBeUndefined();
		expect(presetSize('9999x9999')).toBeUndefined();
	});
});
