import type { INodeExecutionData } from 'n8n-workflow';
import { modelsFor } from '../../nodes/Bfl/catalog/models';
import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { buildImage } from '../fake-bfl/images';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { taskOf } from '../helpers/results';
import { zipEntries } from '../helpers/zipEntries';

const CALLER = 'caller-finetune-3';
let eu1: FakeBfl;
let us1: FakeBfl;

beforeAll(async () => {
	[eu1, us1] = await Promise.all([
		startFakeBfl({ apiKey: CALLER, latencyMs: 200, region: 'eu1' }),
		startFakeBfl({ apiKey: CALLER, latencyMs: 200, region: 'us1' }),
	]);
});
afterAll(async () => await Promise.all([eu1.close(), us1.close()]));
beforeEach(() => {
	eu1.resetStats();
	eu1.configure({ finetuneTraining: 'enabled' });
});

const binary = (bytes: Buffer, mimeType: string) => ({
	data: bytes.toString('base64'),
	mimeType,
	fileName: 'f',
});

function finetune(
	parameters: Record<string, unknown>,
	input?: INodeExecutionData[],
	host: FakeBfl = eu1,
	extra: Record<string, unknown> = {},
) {
	return runBfl({
		parameters: { resource: 'finetune', ...parameters },
		input,
		credentials: simulatorCredentials(host.apiBase, CALLER),
		...extra,
	});
}

async function createFromImages(): Promise<string> {
	const input = ['one', 'two', 'three'].map((caption, i) => ({
		json: { caption: `TOK ${caption}` },
		binary: { photo: binary(buildImage(i === 1 ? 'jpeg' : 'png', `train-${i}`), 'image/png') },
	}));
	const { items, error } = await finetune(
		{
			operation: 'create',
			trainingData: 'images',
			imageBinaryPropertyName: 'photo',
			captionField: 'caption',
			comment: 'my fox',
			mode: 'character',
		},
		input,
	);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	return items[0].json.finetuneId;
}

describe('Finetune resource, pinned to the credential finetune host', () => {
	it('creates one finetune from the images and captions of all input items', async () => {
		const id = await createFromImages();
		const stored = eu1.finetunes.get(id)!;
		expect(stored.details).toMatchObject({
			finetune_comment: 'my fox',
			mode: 'character',
			trigger_word: 'TOK',
		});
		const entries = zipEntries(stored.zip!);
		expect(entries.map((entry) => entry.name)).toEqual([
			'image_001.png',
			'image_001.txt',
			'image_002.jpg',
			'image_002.txt',
			'image_003.png',
			'image_003.txt',
		]);
		expect(entries[0].data.equals(buildImage('png', 'train-0'))).toBe(true);
		expect(entries[3].data.toString()).toBe('TOK two');
		expect(us1.finetunes.has(id)).toBe(false);
	});

	it('creates one finetune per item from a ZIP binary, and rejects a binary that is not a ZIP', async () => {
		const zip = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
		const { items } = await finetune(
			{
				operation: 'create',
				trainingData: 'zip',
				zipBinaryPropertyName: 'data',
				comment: 'zipped',
				mode: 'style',
			},
			[
				{
					json: {},
					binary: {
						data: binary(Buffer.concat([Buffer.from('504b0304', 'hex'), zip]), 'application/zip'),
					},
				},
			],
		);
		expect(items[0].json).toMatchObject({ status: 'Pending', name: 'zipped' });
		const { error } = await finetune(
			{ operation: 'create', trainingData: 'zip', comment: 'bad', mode: 'style' },
			[{ json: {}, binary: { data: binary(buildImage('png', 'x'), 'image/png') } }],
		);
		expect(error?.message).toBe('The binary field "data" is not a ZIP file');
	});

	it('says training is no longer offered when BFL retired the endpoint', async () => {
		eu1.configure({ finetuneTraining: 'gone' });
		const input = [{ json: {}, binary: { data: binary(buildImage('png', 'gone'), 'image/png') } }];
		const { error } = await finetune(
			{ operation: 'create', trainingData: 'images', comment: 'late', mode: 'general' },
			input,
		);
		expect(error?.message).toMatch(
			/^Finetune training is no longer offered for this account: BFL deprecated it on 2025-10-31/,
		);
	});

	it('waits for training through get_result on the pinned host', async () => {
		const id = await createFromImages();
		const now = await finetune({
			operation: 'getStatus',
			finetuneId: id,
			waitForCompletion: false,
		});
		expect(now.items[0].json).toMatchObject({
			finetuneId: id,
			status: expect.not.stringMatching(/Ready/),
		});
		const done = await finetune({
			operation: 'getStatus',
			finetuneId: id,
			waitForCompletion: true,
			pollInterval: 1,
			timeout: 30,
		});
		expect(done.items[0].json).toMatchObject({ finetuneId: id, status: 'Ready' });
	});

	it('words a failed training as a training, not an image', async () => {
		const id = await createFromImages();
		eu1.injectFault({
			target: 'poll',
			match: { taskId: id },
			status: 200,
			body: { id, status: 'Error', result: null, details: { error: 'too few usable images' } },
		});
		const { error } = await finetune({
			operation: 'getStatus',
			finetuneId: id,
			waitForCompletion: true,
			pollInterval: 1,
			timeout: 30,
		});
		expect(error?.message).toBe(
			`BFL could not train the finetune ${id} (Error): too few usable images`,
		);
	});

	it('lists with details, gets details, and deletes', async () => {
		const id = await createFromImages();
		const list = await finetune({ operation: 'list', includeDetails: true });
		const mine = list.items.find((item) => item.json.finetuneId === id);
		expect(mine?.json.details).toMatchObject({ finetune_comment: 'my fox', finetune_id: id });
		const details = await finetune({ operation: 'getDetails', finetuneId: id });
		expect(details.items[0].json).toMatchObject({ finetuneId: id, details: { mode: 'character' } });
		const deleted = await finetune({ operation: 'delete', finetuneId: id });
		expect(deleted.items[0].json).toMatchObject({ finetuneId: id, deleted: true, status: 'ok' });
		const again = await finetune({ operation: 'getDetails', finetuneId: id });
		expect(again.error?.message).toMatch(/not found \(404\): Finetune not found/);
	});

	it('generates with a finetune on the host that trained it, and not elsewhere', async () => {
		const id = await createFromImages();
		const parameters = {
			operation: 'generate',
			model: 'flux-pro-1.1-ultra-finetuned',
			finetuneId: id,
			prompt: 'TOK on the moon',
			aspectRatio: '1:1',
			options: { pollInterval: 0.2 },
		};
		const { items, error } = await finetune(parameters);
		expect(error).toBeUndefined();
		expect(taskOf(eu1, items[0].json.id).body).toMatchObject({
			finetune_id: id,
			aspect_ratio: '1:1',
		});
		expect(items[0].binary?.data.mimeType).toBe('image/jpeg');
		const elsewhere = await finetune(parameters, undefined, us1);
		expect(elsewhere.error?.message).toMatch(/not found \(404\): Finetune not found/);
	});

	it.each(modelsFor('finetune').map((model) => [model.id, model] as const))(
		'generates with %s on the pinned host',
		async (id, model) => {
			const finetuneId = await createFromImages();
			const images = model.images?.required
				? { image: [{ source: 'binary', binaryPropertyName: 'photo' }] }
				: undefined;
			const { items, error } = await finetune(
				{
					operation: 'generate',
					model: id,
					finetuneId,
					prompt: 'TOK in a garden',
					width: 512,
					height: 512,
					...(images && { images }),
					options: { pollInterval: 0.2 },
				},
				[{ json: {}, binary: { photo: binary(buildImage('png', `fill-${id}`), 'image/png') } }],
			);
			expect(error).toBeUndefined();
			const task = taskOf(eu1, items[0].json.id);
			expect(task.model).toBe(id);
			expect(task.body.finetune_id).toBe(finetuneId);
			expect(items[0].binary?.data.mimeType).toBe('image/jpeg');
		},
	);

	it('generates with a shared FLUX.2 [klein] LoRA', async () => {
		const { items, error } = await finetune({
			operation: 'generate',
			model: 'flux-2-klein-9b-finetuned',
			finetuneId: 'org-123/watercolor',
			prompt: 'a harbour',
			width: 512,
			height: 512,
			additionalFields: { finetuneStrength: 0.8 },
			options: { pollInterval: 0.2 },
		});
		expect(error).toBeUndefined();
		expect(taskOf(eu1, items[0].json.id).body).toMatchObject({
			finetune_id: 'org-123/watercolor',
			finetune_strength: 0.8,
		});
	});

	it('refuses a finetune call when no pinned host follows from the credential', async () => {
		const { error } = await runBfl({
			parameters: { resource: 'finetune', operation: 'list' },
			credentials: { apiKey: CALLER, region: 'global', finetuneRegion: 'auto' },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(
			/^Finetune calls need a host, and none follows from the credential: set Finetune Region to EU1, US1 or Same as Region/,
		);
	});
});
