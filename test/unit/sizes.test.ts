import { MODELS, findModel } from '../../nodes/Bfl/catalog/models';
import { SIZE_PRESETS, presetSize, presetsFor } from '../../nodes/Bfl/catalog/sizes';
import { validateRequest } from '../../nodes/Bfl/core/request/validate';
import { primaryProperties } from '../../nodes/Bfl/descriptions/modelFields';

describe('size presets', () => {
	const sizedModels = MODELS.filter(
		(model) => model.fields.width && model.size.kind !== 'aspectRatio',
	);

	it.each(sizedModels.map((model) => [`${model.operation} ${model.id}`, model] as const))(
		'%s is offered exactly the presets it takes',
		(_, model) => {
			const offered = presetsFor(model).map((preset) => preset.value);
			for (const preset of SIZE_PRESETS) {
				const size = presetSize(preset.value)!;
				const problems = validateRequest(model, { prompt: 'x', finetuneId: 'f', ...size });
				expect([preset.value, problems.length === 0]).toEqual([
					preset.value,
					offered.includes(preset.value),
				]);
			}
		},
	);

	it("reaches FLUX.2's 4 MP for FLUX.2 and stays within 1440 for FLUX1.1", () => {
		const flux2 = presetsFor(findModel('generate', 'flux-2-pro')!).map((p) => p.value);
		const flux11 = presetsFor(findModel('generate', 'flux-pro-1.1')!).map((p) => p.value);
		expect(flux2).toEqual(expect.arrayContaining(['2048x2048', '2560x1440', '1440x2560']));
		expect(flux11).toContain('1440x1440');
		expect(flux11).not.toContain('2048x2048');
		expect(flux11).not.toContain('1920x1088');
		const sizes = primaryProperties(MODELS.filter((m) => m.operation === 'generate')).filter(
			(property) => property.name === 'size',
		);
		expect(sizes.map((property) => property.options?.length).sort((a, b) => a! - b!)).toEqual([
			9, 15,
		]);
	});

	it('reads only known presets', () => {
		expect(presetSize('1344x768')).toEqual({ width: 1344, height: 768 });
		expect(presetSize('custom')).toBeUndefined();
		expect(presetSize('9999x9999')).toBeUndefined();
	});
});
