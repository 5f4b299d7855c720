import { loadExample } from '../e2e/lib/examples/load';
import { buildImage } from '../fake-bfl/images';
import { useGenerateFixture } from '../helpers/generateFixture';
import { bytesOf, imageOf, taskOf } from '../helpers/results';

const CALLER = 'caller-flux31-7731';
const { state, generate, expectNoKeyAnywhere } = useGenerateFixture(CALLER);

const png = (id: string, side = 256) => buildImage('png', id, 0, { width: side, height: side });
const binary = (bytes: Buffer) => ({
	data: bytes.toString('base64'),
	mimeType: 'image/png',
	fileName: 'in.png',
});

/** A PNG's signature and header only: enough for the node to read its size, never sent. */
function pngHeader(width: number, height: number): Buffer {
	const header = Buffer.alloc(33);
	Buffer.from('\x89PNG\r\n\x1a\n', 'latin1').copy(header, 0);
	header.writeUInt32BE(13, 8);
	header.write('IHDR', 12, 'latin1');
	header.writeUInt32BE(width, 16);
	header.writeUInt32BE(height, 20);
	return header;
}

const URL_REF = 'https://images.example.com/room.png';

describe('FLUX 3.1 Image and FLUX 3 Image Klein in the n8n engine against the fake BFL', () => {
	it('generates with FLUX 3.1: mode, grounding level, match_first_image and boxes in their own field', async () => {
		const { items, error } = await generate({
			model: 'flux-3.1-image',
			prompt: 'a quiet room with <sun> in the window',
			aspectRatio: 'match_first_image',
			resolution: '2k',
			images: { image: [{ source: 'url', url: URL_REF }] },
			layout: {
				box: [
					{ elementId: 'sun', description: 'a low sun', top: 10, left: 60, bottom: 30, right: 80 },
				],
			},
			additionalFields: { mode: 'fast', groundingLevel: 'auto' },
		});
		expect(error).toBeUndefined();
		const [item] = items;
		// Safety Tolerance is unconfirmed for 3.1: not added, so not sent.
		expect(taskOf(state.fake, item.json.id).body).toEqual({
			prompt: 'a quiet room with <sun> in the window',
			aspect_ratio: 'match_first_image',
			resolution: '2k',
			mode: 'fast',
			grounding: 'auto',
			images: [URL_REF],
			bounding_boxes: [{ name: 'sun', bbox: [0.1, 0.6, 0.3, 0.8], desc: 'a low sun' }],
		});
		expect(item.json).toMatchObject({
			model: 'flux-3.1-image',
			resolution: '2k',
			aspectRatio: 'match_first_image',
			cost: 4,
		});
		expect(bytesOf(item).equals(imageOf(state.fake, item.json.id))).toBe(true);
		expectNoKeyAnywhere(items);
	});

	it('edits with FLUX 3.1: binary and URL references, a binary mask, a moved box, and an unconfirmed field once set', async () => {
		const [room, lamp, mask] = [png('room'), png('lamp'), png('mask')];
		const { items, error } = await generate(
			{
				operation: 'edit',
				model: 'flux-3.1-image',
				prompt: 'put the lamp of image 2 on the table',
				images: {
					image: [
						{ source: 'binary', binaryPropertyName: 'room' },
						{ source: 'binary', binaryPropertyName: 'lamp' },
						{ source: 'url', url: URL_REF },
					],
				},
				mask: { mask: { source: 'binary', binaryPropertyName: 'mask' } },
				layout: {
					box: [
						{
							elementId: 'lamp_1',
							unit: 'pixels',
							frameWidth: 1000,
							frameHeight: 500,
							fromImage: 2,
							hasSource: true,
							sourceTop: 0,
							sourceLeft: 0,
							sourceBottom: 250,
							sourceRight: 500,
							top: 100,
							left: 250,
							bottom: 400,
							right: 750,
						},
					],
				},
				additionalFields: { safetyTolerance: 6 },
			},
			[{ json: {}, binary: { room: binary(room), lamp: binary(lamp), mask: binary(mask) } }],
		);
		expect(error).toBeUndefined();
		expect(taskOf(state.fake, items[0].json.id).body).toEqual({
			prompt: 'put the lamp of image 2 on the table',
			resolution: '1k',
			safety_tolerance: 6,
			images: [room.toString('base64'), lamp.toString('base64'), URL_REF],
			mask: mask.toString('base64'),
			bounding_boxes: [
				{
					name: 'lamp_1',
					from: 'ref_image_1',
					src_bbox: [0, 0, 0.5, 0.5],
					tgt_bbox: [0.2, 0.25, 0.8, 0.75],
				},
			],
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('takes the mask from a URL, and refuses a mask beside ten images before any request', async () => {
		const maskUrl = 'https://images.example.com/mask.png';
		const parameters = (count: number) => ({
			operation: 'edit',
			model: 'flux-3.1-image',
			prompt: 'make the wall blue',
			images: { image: Array.from({ length: count }, () => ({ source: 'url', url: URL_REF })) },
			mask: { mask: { source: 'url', url: maskUrl } },
		});
		const ok = await generate(parameters(1));
		expect(ok.error).toBeUndefined();
		expect(taskOf(state.fake, ok.items[0].json.id).body).toMatchObject({
			images: [URL_REF],
			mask: maskUrl,
		});
		state.fake.resetStats();
		const tooMany = await generate(parameters(10));
		expect(tooMany.error?.message).toMatch(
			/FLUX 3\.1 Image takes at most 9 input images with a mask \(got 10\)/,
		);
		expect(state.fake.stats().submits).toBe(0);
	});

	it('generates with Klein: exact size, seed, steps and format, and nothing it was not given', async () => {
		const { items, error } = await generate({
			model: 'flux-3-image-klein',
			prompt: 'a paper boat on a puddle',
			additionalFields: { width: 768, height: 512, seed: 7, steps: 8, outputFormat: 'png' },
		});
		expect(error).toBeUndefined();
		expect(taskOf(state.fake, items[0].json.id).body).toEqual({
			prompt: 'a paper boat on a puddle',
			width: 768,
			height: 512,
			seed: 7,
			steps: 8,
			output_format: 'png',
		});
		expect(items[0].json).toMatchObject({ model: 'flux-3-image-klein', cost: 0.9 });
		expect(items[0].binary?.data.mimeType).toBe('image/png');
	});

	it('edits with Klein from a binary image and a URL, at a resolution tier', async () => {
		const boat = png('boat', 64);
		const { items, error } = await generate(
			{
				operation: 'edit',
				model: 'flux-3-image-klein',
				prompt: 'the boat of image 1 on the sea of image 2',
				images: {
					image: [
						{ source: 'binary', binaryPropertyName: 'boat' },
						{ source: 'url', url: URL_REF },
					],
				},
				additionalFields: { resolution: '2k' },
			},
			[{ json: {}, binary: { boat: binary(boat) } }],
		);
		// No source gives Klein's pixel limits, so a 64 px reference goes to BFL.
		expect(error).toBeUndefined();
		expect(taskOf(state.fake, items[0].json.id).body).toEqual({
			prompt: 'the boat of image 1 on the sea of image 2',
			resolution: '2k',
			images: [boat.toString('base64'), URL_REF],
		});
		expect(items[0].json).toMatchObject({ cost: 1.4 });
	});

	it.each([
		[
			'under 256×256',
			pngHeader(255, 1024),
			/is 255×1024 pixels; this model needs at least 256×256/,
		],
		['over 16 MP', pngHeader(5000, 4000), /is 5000×4000 pixels \(19\.1 MP\); .* at most 16 MP/],
	])('refuses a FLUX 3 reference image %s before anything is paid', async (_, bytes, message) => {
		const { error } = await generate(
			{
				operation: 'edit',
				model: 'flux-3.1-image',
				prompt: 'brighter',
				images: { image: [{ source: 'binary', binaryPropertyName: 'data' }] },
			},
			[{ json: {}, binary: { data: binary(bytes) } }],
		);
		expect(error?.message).toMatch(message);
		expect(state.fake.stats().submits).toBe(0);
	});

	it("surfaces BFL's 422 detail when it rejects an inferred field", async () => {
		state.fake.injectFault({
			target: 'submit',
			status: 422,
			body: {
				detail: [
					{ loc: ['body', 'bounding_boxes'], msg: 'Extra inputs are not permitted', type: 'x' },
				],
			},
			match: { model: 'flux-3.1-image' },
		});
		const { error } = await generate({
			model: 'flux-3.1-image',
			layout: { box: [{ elementId: 'fox', top: 0, left: 0, bottom: 50, right: 50 }] },
		});
		expect(error?.message).toBe(
			'BFL rejected the request (422): bounding_boxes: Extra inputs are not permitted',
		);
		expect(error?.httpCode).toBe('422');
	});

	it("reads a poll's 503 that carries the task's body as that task's status, without retrying it", async () => {
		state.fake.injectFault({
			target: 'poll',
			status: 503,
			body: { id: 'the-task', status: 'Error', result: null, details: { error: 'GPU lost' } },
			match: { model: 'flux-3.1-image' },
		});
		const { error } = await generate({ model: 'flux-3.1-image' });
		expect(error?.message).toBe('BFL could not generate the image (Error): GPU lost');
		const polls = state.fake
			.stats()
			.requests.filter((request: { server: string }) => request.server === 'poll');
		expect(polls.map((poll: { status: number }) => poll.status)).toEqual([503]);
	});

	it('says a model may be retired or renamed when its endpoint answers 404', async () => {
		state.fake.injectFault({
			target: 'submit',
			status: 404,
			body: { detail: 'Not Found' },
			match: { model: 'flux-3-image-klein' },
		});
		const { error } = await generate({ model: 'flux-3-image-klein' });
		expect(error?.message).toMatch(
			/^BFL does not serve \/v1\/flux-3-image-klein \(404\): the model may be retired or renamed\. .*Model → Custom Endpoint/,
		);
	});

	it("runs example 15's FLUX 3.1 edit and Klein touch-up as shipped", async () => {
		const example = loadExample('15-flux31-klein-generate-edit.json');
		const parametersOf = (name: string) => {
			const node = example.nodes.find((n: { name: string }) => n.name === name);
			return { ...node.parameters, options: { ...node.parameters.options, pollInterval: 0.2 } };
		};
		const [harbour, boat] = [png('harbour', 512), png('boat')];
		const edit = await generate(parametersOf('Edit with FLUX 3.1'), [
			{ json: {}, binary: { harbour: binary(harbour), boat: binary(boat) } },
		]);
		expect(edit.error).toBeUndefined();
		expect(taskOf(state.fake, edit.items[0].json.id).body).toMatchObject({
			aspect_ratio: 'match_first_image',
			images: [harbour.toString('base64'), boat.toString('base64')],
			bounding_boxes: [{ name: 'boat_1', from: 'ref_image_1', tgt_bbox: [0.55, 0.3, 0.85, 0.6] }],
		});
		const touchUp = await generate(parametersOf('Touch Up with Klein'), edit.items);
		expect(touchUp.error).toBeUndefined();
		expect(taskOf(state.fake, touchUp.items[0].json.id).body).toEqual({
			prompt: 'Same picture, with a light morning mist over the water',
			seed: 42,
			output_format: 'png',
			images: [bytesOf(edit.items[0]).toString('base64')],
		});
		expect(touchUp.items[0].binary?.data.mimeType).toBe('image/png');
	});
});
