import { useGenerateFixture } from '../helpers/generateFixture';
import { bytesOf, imageOf, taskOf } from '../helpers/results';

const CALLER = 'caller-custom-endpoint-9';
const { state, generate, expectNoKeyAnywhere } = useGenerateFixture(CALLER);

const custom = (endpointPath: string, customBody: unknown, extra: Record<string, unknown> = {}) =>
	generate({ model: 'custom', endpointPath, customBody, ...extra });

describe('Model → Custom Endpoint in the n8n engine against the fake BFL', () => {
	it('sends the JSON body as is, then polls and downloads as for a catalog model', async () => {
		const body = { prompt: 'a knight', resolution: '2k', grounding: false };
		const { items, error } = await custom('flux-3-image', JSON.stringify(body));
		expect(error).toBeUndefined();
		const [item] = items;
		expect(taskOf(state.fake, item.json.id).body).toEqual(body);
		expect(item.json).toMatchObject({ status: 'Ready', model: 'flux-3-image', cost: 10 });
		expect(bytesOf(item).equals(imageOf(state.fake, item.json.id))).toBe(true);
		expectNoKeyAnywhere(items);
	});

	it('takes the body from an expression, under flux-tools/, and adds only webhook fields', async () => {
		const { items, error } = await generate(
			{
				operation: 'edit',
				model: 'custom',
				endpointPath: 'flux-tools/vto-v1',
				customBody: '={{ $json.body }}',
				completion: 'return',
			},
			[
				{
					json: {
						body: {
							prompt: 'TRY-ON',
							person: 'https://example.com/p.png',
							garment: 'https://example.com/g.png',
						},
					},
				},
			],
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'Pending', model: 'flux-tools/vto-v1' });
		expect(taskOf(state.fake, items[0].json.id).body).toEqual({
			prompt: 'TRY-ON',
			person: 'https://example.com/p.png',
			garment: 'https://example.com/g.png',
		});
	});

	it("shows BFL's 422 detail as is, since the node checks no fields", async () => {
		const { error } = await custom('flux-2-pro', { prompt: 'x', width: 1000, colour: 'red' });
		expect(error?.message).toBe(
			'BFL rejected the request (422): width: Input should be a multiple of 16',
		);
		expect(state.fake.stats().status422).toBe(1);
	});

	it('rejects path tricks and a broken body before any request', async () => {
		for (const [path, body, message] of [
			['../credits', '{}', /Endpoint Path must be one path segment/],
			['flux-tools/../../x', '{}', /Endpoint Path must be one path segment/],
			['delete_finetune', '{"finetune_id":"x"}', /not an image task endpoint/],
			['Delete_Finetune', '{"finetune_id":"x"}', /not an image task endpoint/],
			['={{ "CREDITS" }}', '{}', /not an image task endpoint/],
			['={{ $json.missing }}', '{}', /^Endpoint Path is empty/],
			['={{ "  " }}', '{}', /^Endpoint Path is empty/],
			['flux-2-pro', '{"prompt":', /JSON Body is not valid JSON/],
		] as const) {
			const { error } = await custom(path, body);
			expect(error?.message).toMatch(message);
		}
		expect(state.fake.stats().requests).toEqual([]);
	});
});
