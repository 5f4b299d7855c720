import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { buildImage } from '../fake-bfl/images';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { startBinaryStore } from '../helpers/binaryStore';
import { taskOf } from '../helpers/results';

const CALLER = 'caller-image-inputs';
const MB = 1024 * 1024;
let fake: FakeBfl;

beforeAll(async () => {
	fake = await startFakeBfl({ apiKey: CALLER, latencyMs: 50 });
});
afterAll(async () => await fake.close());

/** Input images are read as video inputs are: bounded, from n8n's binary store. */
describe('image inputs in a binary store, without a recorded size', () => {
	const store = startBinaryStore('image-input-store');
	beforeEach(() => {
		store.reset();
		fake.resetStats();
	});
	const editWith = (binary: Record<string, unknown>) =>
		runBfl({
			parameters: {
				resource: 'image',
				operation: 'edit',
				model: 'flux-2-pro',
				prompt: 'make it evening',
				images: { image: [{ source: 'binary', binaryPropertyName: 'data' }] },
				options: { pollInterval: 0.2, download: false },
			},
			input: [{ json: {}, binary: { data: binary as never } }],
			credentials: simulatorCredentials(fake.apiBase, CALLER),
		});

	it('refuses a 40 MB file after reading just past BFL’s limit, never all of it', async () => {
		const { error } = await editWith(store.put('big', { size: 40 * MB }));
		expect(error?.message).toMatch(
			/"data" used as .* is over 15\.0 MB; BFL accepts images up to about 15 MB/,
		);
		expect(store.calls.buffers).toEqual([]);
		expect(store.calls.streamed).toBeGreaterThan(15 * MB);
		expect(store.calls.streamed).toBeLessThan(16 * MB);
		expect(fake.stats().submits).toBe(0);
	});

	it('refuses a file whose metadata is too large without reading it', async () => {
		const { error } = await editWith(store.put('big', { size: 40 * MB, metadataSize: 40 * MB }));
		expect(error?.message).toMatch(/"data" used as .* is 40\.0 MB; BFL accepts images up to/);
		expect(store.calls).toMatchObject({ buffers: [], streams: [], streamed: 0 });
	});

	it('streams a small stored image and sends exactly its bytes', async () => {
		const png = buildImage('png', 'stored-image');
		const { items, error } = await editWith(store.put('small', { bytes: png }));
		expect(error).toBeUndefined();
		expect(taskOf(fake, String(items[0].json.id)).body).toMatchObject({
			input_image: png.toString('base64'),
		});
		expect(store.calls.buffers).toEqual([]);
	});
});
