import type { INodeExecutionData } from 'n8n-workflow';
import { modelsFor } from '../../nodes/Bfl/catalog/models';
import type { ModelSpec } from '../../nodes/Bfl/catalog/types';
import { manualClock, startFakeBfl, type FakeBfl } from '../fake-bfl';
import { buildImage } from '../fake-bfl/images';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { bytesOf, imageOf, taskOf } from '../helpers/results';
import { advanceUntilSettled, waitFor } from '../helpers/wait';

const CALLER = 'caller-edit-42';
let fake: FakeBfl;

beforeAll(async () => {
	fake = await startFakeBfl({ apiKey: CALLER, latencyMs: 100 });
});
afterAll(async () => await fake.close());
beforeEach(() => {
	fake.clearFaults();
	fake.resetStats();
});

const png = (id: string, side = 64): Buffer =>
	buildImage('png', id, 0, { width: side, height: side });
const binary = (bytes: Buffer, mimeType = 'image/png', fileName = 'in.png') => ({
	data: bytes.toString('base64'),
	mimeType,
	fileName,
});

/** One input item carrying an image per slot, named img0, img1, ..., as large as the model needs. */
function itemWithImages(count: number, side?: number) {
	const images = Array.from({ length: count }, (_, i) => png(`input-${i}`, side));
	const item = {
		json: {},
		binary: Object.fromEntries(images.map((bytes, i) => [`img${i}`, binary(bytes)])),
	};
	return { item, images };
}

/** Parameters that satisfy any edit model: the node keeps only what the chosen model displays. */
function editParameters(
	model: ModelSpec,
	sources: Array<Record<string, string>>,
	extra: Record<string, unknown> = {},
) {
	return {
		resource: 'image',
		operation: 'edit',
		model: model.id,
		prompt: 'make it evening',
		width: 1024,
		height: 768,
		top: 128,
		images: { image: sources },
		options: { pollInterval: 0.2 },
		...extra,
	};
}

function edit(
	parameters: Record<string, unknown>,
	input: INodeExecutionData[],
	continueOnFail = false,
	on: FakeBfl = fake,
) {
	return runBfl({
		parameters,
		input,
		continueOnFail,
		credentials: simulatorCredentials(on.apiBase, CALLER),
	});
}

describe('Image → Edit in the n8n engine against the fake BFL', () => {
	it.each(modelsFor('edit').map((model) => [model.id, model] as const))(
		'%s sends every image to its field and returns the edit',
		async (_, model) => {
			const slots = model.images!.slots;
			const { item, images } = itemWithImages(slots.length, model.images!.pixelLimits?.minSide);
			// Every second image goes as a URL where the endpoint takes URLs, to cover both sources.
			const asUrl = (i: number) => model.images!.urlAllowed && i % 2 === 1;
			const sources = slots.map(
				(_, i): Record<string, string> =>
					asUrl(i)
						? { source: 'url', url: `https://images.example.com/${i}.png` }
						: { source: 'binary', binaryPropertyName: `img${i}` },
			);
			const { items, error } = await edit(editParameters(model, sources), [item]);
			expect(error).toBeUndefined();
			const [out] = items;
			const task = taskOf(fake, out.json.id);
			expect(task.model).toBe(model.id);
			const sent = (i: number) =>
				asUrl(i) ? `https://images.example.com/${i}.png` : images[i].toString('base64');
			if (model.images!.listField)
				expect(task.body[model.images!.listField]).toEqual(slots.map((_, i) => sent(i)));
			else slots.forEach((slot, i) => expect(task.body[slot]).toBe(sent(i)));
			const format = out.binary?.data.mimeType.split('/')[1];
			expect(format).toBe(model.defaultOutputFormat);
			expect(bytesOf(out).equals(imageOf(fake, out.json.id))).toBe(true);
			expect(JSON.stringify(items)).not.toContain(CALLER);
		},
	);

	it('chains Generate into Kontext Edit through binary data', async () => {
		const { run, error } = await runBfl({
			parameters: {
				resource: 'image',
				operation: 'generate',
				model: 'flux-2-klein-4b',
				prompt: 'a wooden cabin',
				width: 512,
				height: 512,
				options: { pollInterval: 0.2 },
			},
			credentials: simulatorCredentials(fake.apiBase, CALLER),
			extraNodes: [
				{
					id: 'edit',
					name: 'Edit',
					type: 'n8n-nodes-bfl.bfl',
					typeVersion: 1,
					position: [400, 0],
					parameters: editParameters(modelsFor('edit').find((m) => m.id === 'flux-kontext-pro')!, [
						{ source: 'binary', binaryPropertyName: 'data' },
					]),
					credentials: { bflApi: { id: 'cred-1', name: 'BFL test' } },
				},
			],
			extraConnections: { BFL: { main: [[{ node: 'Edit', type: 'main', index: 0 }]] } },
		});
		expect(error).toBeUndefined();
		const generated = run.data.resultData.runData.BFL[0].data!.main[0]![0];
		const edited = run.data.resultData.runData.Edit[0].data!.main[0]![0];
		const editTask = taskOf(fake, edited.json.id);
		expect(editTask.body.input_image).toBe(imageOf(fake, generated.json.id).toString('base64'));
		expect(edited.binary!.data.mimeType).toBe('image/png');
		expect(bytesOf(edited).equals(imageOf(fake, edited.json.id as string))).toBe(true);
		expect(edited.pairedItem).toEqual({ item: 0 });
	});

	it('keeps kontext-max at 6 in flight while FLUX.2 items use the other slots', async () => {
		// Tasks finish only when the test advances this simulator's clock, so the slots stay held.
		const held = await startFakeBfl({ apiKey: CALLER, latencyMs: 300, clock: manualClock() });
		const model = modelsFor('edit').find((m) => m.id === 'flux-kontext-max')!;
		const input = Array.from({ length: 16 }, (_, i) => ({
			json: { model: i % 4 === 3 ? 'flux-2-pro' : 'flux-kontext-max' },
			binary: { img0: binary(png(`mixed-${i}`)) },
		}));
		try {
			const running = edit(
				editParameters(model, [{ source: 'binary', binaryPropertyName: 'img0' }], {
					model: '={{ $json.model }}',
				}),
				input,
				false,
				held,
			);
			await waitFor(() => held.stats().inFlight > 6, 'more than 6 tasks in flight');
			const { items, error } = await advanceUntilSettled(held, running);
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.model)).toEqual(input.map((item) => item.json.model));
			expect(held.stats().requests.filter((r) => r.status === 429)).toEqual([]);
			expect(held.stats().peakInFlight).toBeGreaterThan(6);
		} finally {
			await held.close();
		}
	});

	describe('rejects bad input before any request, naming the field', () => {
		const kontext = () => modelsFor('edit').find((m) => m.id === 'flux-kontext-pro')!;
		const cases: Array<
			[
				string,
				() => {
					model: ModelSpec;
					sources: Array<Record<string, string>>;
					input: INodeExecutionData[];
				},
				RegExp,
			]
		> = [
			[
				'a missing binary field',
				() => ({
					model: kontext(),
					sources: [{ source: 'binary', binaryPropertyName: 'photo' }],
					input: [itemWithImages(1).item],
				}),
				/^No binary field "photo" for Reference Image 1; this item has "img0"$/,
			],
			[
				'a binary that is not an image',
				() => ({
					model: kontext(),
					sources: [{ source: 'binary', binaryPropertyName: 'doc' }],
					input: [
						{
							json: {},
							binary: { doc: binary(Buffer.from('hello, not an image'), 'text/plain', 'a.txt') },
						},
					],
				}),
				/^The binary field "doc" used as Reference Image 1 is not a PNG, JPEG or WebP image \(it is text\/plain\)$/,
			],
			[
				'too many reference images',
				() => ({
					model: modelsFor('edit').find((m) => m.id === 'flux-2-klein-4b')!,
					sources: Array.from({ length: 5 }, (_, i) => ({
						source: 'binary',
						binaryPropertyName: `img${i}`,
					})),
					input: [itemWithImages(5).item],
				}),
				/^Too many input images: FLUX.2 \[klein\] 4B takes at most 4/,
			],
			[
				'a URL that is not http(s), where the endpoint takes base64 only',
				() => ({
					model: modelsFor('edit').find((m) => m.id === 'flux-pro-1.0-fill')!,
					sources: [{ source: 'url', url: 'ftp://images.example.com/a.png' }],
					input: [{ json: {} }],
				}),
				/The URL of Image must be an http\(s\) URL/,
			],
			[
				'a missing second image',
				() => ({
					model: modelsFor('edit').find((m) => m.id === 'flux-tools/vto-v2')!,
					sources: [{ source: 'binary', binaryPropertyName: 'img0' }],
					input: [itemWithImages(1).item],
				}),
				/needs 2 input images \(1\. Person, 2\. Garment\), got 1/,
			],
		];

		it.each(cases)('%s', async (_, build, message) => {
			const { model, sources, input } = build();
			const { error } = await edit(editParameters(model, sources), input);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(message);
			expect(fake.stats().requests).toEqual([]);
		});

		it('turns a bad item into its own error item under Continue On Fail', async () => {
			const good = itemWithImages(1).item;
			const { items } = await edit(
				editParameters(kontext(), [{ source: 'binary', binaryPropertyName: 'img0' }]),
				[good, { json: {} }, good],
				true,
			);
			expect(items).toHaveLength(3);
			expect(items[1].json.error).toMatch(/No binary field "img0"/);
			expect(items[1].pairedItem).toEqual({ item: 1 });
			expect(items[0].json.status).toBe('Ready');
			expect(items[2].json.status).toBe('Ready');
		});
	});

	describe('URLs for fields BFL takes as base64 only', () => {
		/** A result of the fake serves as a public image URL; its bytes are known. */
		async function publicImage() {
			const { items } = await runBfl({
				parameters: {
					resource: 'image',
					operation: 'generate',
					model: 'flux-2-klein-4b',
					prompt: 'a beach',
					width: 256,
					height: 256,
					options: { pollInterval: 0.2, download: false },
				},
				credentials: simulatorCredentials(fake.apiBase, CALLER),
			});
			return { url: items[0].json.sampleUrl as string, bytes: imageOf(fake, items[0].json.id) };
		}

		it('downloads the URL without the key and sends the image as base64 (Fill and Expand)', async () => {
			const { url, bytes } = await publicImage();
			for (const id of ['flux-pro-1.0-fill', 'flux-pro-1.0-expand']) {
				const model = modelsFor('edit').find((m) => m.id === id)!;
				const { items, error } = await edit(editParameters(model, [{ source: 'url', url }]), [
					{ json: {} },
				]);
				expect(error).toBeUndefined();
				expect(taskOf(fake, items[0].json.id).body.image).toBe(bytes.toString('base64'));
			}
			expect(fake.stats().keyLeaks).toEqual([]);
		});

		it('refuses a URL that is not an image, or that fails, before submitting', async () => {
			const model = modelsFor('edit').find((m) => m.id === 'flux-pro-1.0-fill')!;
			const notImage = `${fake.untrustedBase}/v1/get_result?id=none`;
			const missing = `${fake.deliveryBase}/results/none/sample.png`;
			const first = await edit(editParameters(model, [{ source: 'url', url: notImage }]), [
				{ json: {} },
			]);
			expect(first.error?.message).toMatch(/is not a PNG, JPEG or WebP image/);
			const second = await edit(editParameters(model, [{ source: 'url', url: missing }]), [
				{ json: {} },
			]);
			expect(second.error?.message).toMatch(/Downloading Image from .* failed \(404\)/);
			expect(fake.stats().accepted).toBe(0);
			expect(fake.stats().keyLeaks).toEqual([]);
		});
	});
});
