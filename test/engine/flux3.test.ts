import { loadExample } from '../e2e/lib/examples/load';
import { buildImage } from '../fake-bfl/images';
import { useGenerateFixture } from '../helpers/generateFixture';
import { bytesOf, imageOf, taskOf } from '../helpers/results';

const CALLER = 'caller-flux3-5150';
const { state, generate, expectNoKeyAnywhere } = useGenerateFixture(CALLER);

// FLUX 3 refuses reference images under 256×256 before anything is sent.
const png = (id: string) => buildImage('png', id, 0, { width: 256, height: 256 });
const binary = (bytes: Buffer) => ({
	data: bytes.toString('base64'),
	mimeType: 'image/png',
	fileName: 'in.png',
});

describe('FLUX 3 Image in the n8n engine against the fake BFL', () => {
	it('generates with only the fields of its closed schema and reports tier, ratio and settled cost', async () => {
		// The fake walks Pending → Reasoning → Generating before Ready; the node must keep polling.
		state.fake.configure({ latencyMs: 600 });
		const { items, error } = await generate({
			model: 'flux-3-image',
			prompt: 'a lighthouse in a storm',
			aspectRatio: '21:9',
			resolution: '2k',
			// Values a user may have left from another model: none of them may reach BFL.
			width: 1024,
			height: 768,
			additionalFields: { grounding: false, safetyTolerance: 3, seed: 5, outputFormat: 'png' },
		});
		expect(error).toBeUndefined();
		const [item] = items;
		const task = taskOf(state.fake, item.json.id);
		expect(task.body).toEqual({
			prompt: 'a lighthouse in a storm',
			aspect_ratio: '21:9',
			resolution: '2k',
			grounding: false,
			safety_tolerance: 3,
		});
		const statuses = state.fake
			.stats()
			.requests.filter((r: { server: string }) => r.server === 'poll').length;
		expect(statuses).toBeGreaterThan(1);
		expect(item.json).toMatchObject({
			status: 'Ready',
			model: 'flux-3-image',
			resolution: '2k',
			aspectRatio: '21:9',
			cost: 10,
		});
		expect(bytesOf(item).equals(imageOf(state.fake, item.json.id))).toBe(true);
		expectNoKeyAnywhere(items);
	});

	it("reports BFL's defaults (1k, auto) when neither is set, and sends neither", async () => {
		const { items, error } = await generate({
			model: 'flux-3-image',
			aspectRatio: '',
			resolution: '',
		});
		expect(error).toBeUndefined();
		expect(taskOf(state.fake, items[0].json.id).body).toEqual({
			prompt: 'a red fox in the snow',
		});
		expect(items[0].json).toMatchObject({ resolution: '1k', aspectRatio: 'auto', cost: 4.8 });
	});

	it('edits two reference images from binary and a URL as one images list', async () => {
		const [first, second] = [png('knight'), png('castle')];
		const { items, error } = await generate(
			{
				operation: 'edit',
				model: 'flux-3-image',
				prompt: 'the knight of image 1 in front of the castle of image 2',
				resolution: '1.5k',
				images: {
					image: [
						{ source: 'binary', binaryPropertyName: 'knight' },
						{ source: 'binary', binaryPropertyName: 'castle' },
						{ source: 'url', url: 'https://images.example.com/sky.png' },
					],
				},
			},
			[{ json: {}, binary: { knight: binary(first), castle: binary(second) } }],
		);
		expect(error).toBeUndefined();
		const task = taskOf(state.fake, items[0].json.id);
		expect(task.body).toEqual({
			prompt: 'the knight of image 1 in front of the castle of image 2',
			resolution: '1.5k',
			images: [
				first.toString('base64'),
				second.toString('base64'),
				'https://images.example.com/sky.png',
			],
		});
		expect(items[0].json).toMatchObject({ resolution: '1.5k', aspectRatio: 'auto', cost: 7 });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses the Webhook completion before any request', async () => {
		const { error } = await generate({
			model: 'flux-3-image',
			completion: 'webhook',
			webhookUrl: 'https://n8n.example.com/webhook/x/bfl',
		});
		expect(error?.message).toMatch(/FLUX 3 Image cannot report by webhook/);
		expect(state.fake.stats().accepted).toBe(0);
	});

	it('appends a layout box to the prompt as BFL rows, and rejects a bad one before any request', async () => {
		const knight = png('knight');
		const parameters = (box: Record<string, unknown>) => ({
			operation: 'edit',
			model: 'flux-3-image',
			prompt: 'move <knight_1> to the right',
			images: { image: [{ source: 'binary', binaryPropertyName: 'knight' }] },
			layout: { box: [box] },
		});
		const input = [{ json: {}, binary: { knight: binary(knight) } }];
		const box = {
			elementId: 'knight_1',
			description: 'the knight',
			unit: 'pixels',
			frameWidth: 1920,
			frameHeight: 1080,
			fromImage: 1,
			hasSource: true,
			sourceTop: 0,
			sourceLeft: 0,
			sourceBottom: 540,
			sourceRight: 960,
			top: 108,
			left: 384,
			bottom: 972,
			right: 1536,
		};
		const { items, error } = await generate(parameters(box), input);
		expect(error).toBeUndefined();
		expect(taskOf(state.fake, items[0].json.id).body.prompt).toBe(
			'move <knight_1> to the right\n\n' +
				JSON.stringify([
					{
						id: 'knight_1',
						from: 'ref_image_0',
						src_bbox: [0, 0, 500, 500],
						tgt_bbox: [100, 200, 900, 800],
						desc: 'the knight',
					},
				]),
		);
		state.fake.resetStats();
		const bad = await generate(parameters({ ...box, fromImage: 2 }), input);
		expect(bad.error?.message).toMatch(/"from image" must be one of the 1 input image \(got 2\)/);
		expect(state.fake.stats().accepted).toBe(0);
	});

	it("runs example 11's FLUX 3 Image node as shipped: two references and a layout box", async () => {
		const example = loadExample('11-flux3-edit-layout.json');
		const node = example.nodes.find((n: { name: string }) => n.name === 'Edit with FLUX 3');
		const [knight, castle] = [png('knight'), png('castle')];
		const { items, error } = await generate(
			{ ...node.parameters, options: { ...node.parameters.options, pollInterval: 0.2 } },
			[{ json: {}, binary: { knight: binary(knight), castle: binary(castle) } }],
		);
		expect(error).toBeUndefined();
		const body = taskOf(state.fake, items[0].json.id).body;
		expect(body.images).toEqual([knight.toString('base64'), castle.toString('base64')]);
		const rows = JSON.parse(body.prompt.slice(body.prompt.lastIndexOf('\n') + 1));
		expect(rows).toEqual([
			{
				id: 'knight_1',
				from: 'ref_image_0',
				src_bbox: null,
				tgt_bbox: [350, 80, 950, 380],
				desc: 'the knight in silver armour from image 1',
			},
		]);
		expect(items[0].json).toMatchObject({ resolution: '1k', aspectRatio: '16:9' });
		expect(items[0].binary?.data.mimeType).toBe('image/jpeg');
	});
});
