import { MODELS } from '../../nodes/Bfl/catalog/models';
import { validateRequest } from '../../nodes/Bfl/core/request/validate';

const limited = MODELS.filter((spec) => spec.fields.prompt?.maxLength !== undefined);

describe('prompt length limits from the catalog', () => {
	it('every FLUX.2 row carries one', () => {
		const flux2 = MODELS.filter((spec) => spec.family === 'flux2' && spec.fields.prompt);
		expect(flux2.length).toBeGreaterThan(0);
		expect(flux2.filter((spec) => spec.fields.prompt?.maxLength === undefined)).toEqual([]);
	});

	it.each(limited.map((spec) => [spec.operation, spec.id, spec] as const))(
		'%s %s: at the limit passes, one character more fails naming field, limit and length',
		(_, __, spec) => {
			const max = spec.fields.prompt!.maxLength!;
			const promptProblems = (prompt: string) =>
				validateRequest(spec, { prompt }).filter((problem) => problem.field === 'Prompt');
			expect(promptProblems('a'.repeat(max))).toEqual([]);
			// Characters, not UTF-16 units: an emoji counts once.
			expect(promptProblems('😀'.repeat(max))).toEqual([]);
			expect(promptProblems('a'.repeat(max + 1))).toEqual([
				{
					field: 'Prompt',
					message: `Prompt must be at most ${max} characters for ${spec.displayName} (got ${max + 1} characters)`,
				},
			]);
		},
	);
});
