import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';
import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { buildImage } from '../fake-bfl/images';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';

/** Every kind of bad input is a NodeOperationError that names the field, before any request. */
const CALLER = 'caller-bad-input-9';
let fake: FakeBfl;

beforeAll(async () => {
	fake = await startFakeBfl({ apiKey: CALLER });
});
afterAll(async () => await fake.close());
beforeEach(() => fake.resetStats());

const image = (bytes: Buffer, mimeType = 'image/png') => ({
	data: bytes.toString('base64'),
	mimeType,
	fileName: 'x',
});
const generate = {
	resource: 'image',
	operation: 'generate',
	model: 'flux-2-pro',
	prompt: 'a fox',
	width: 1024,
	height: 1024,
};
const edit = (model: string, names: string[]) => ({
	resource: 'image',
	operation: 'edit',
	model,
	prompt: 'evening light',
	images: { image: names.map((binaryPropertyName) => ({ source: 'binary', binaryPropertyName })) },
});

type Case = {
	parameters: Record<string, unknown>;
	input?: INodeExecutionData[];
	credentials?: ICredentialDataDecryptedObject;
	message: RegExp;
};

const CASES: Record<string, () => Case> = {
	'an empty prompt': () => ({
		parameters: { ...generate, prompt: '  ' },
		message: /^Prompt is required for FLUX\.2 \[pro\]/,
	}),
	'a size that is not a multiple of 16': () => ({
		parameters: { ...generate, height: 1000 },
		message:
			/^Height must be a multiple of 16 from 64 to 8192 pixels for FLUX\.2 \[pro\] \(got 1000\)$/,
	}),
	'a safety tolerance out of range': () => ({
		parameters: { ...generate, additionalFields: { safetyTolerance: 6 } },
		message: /^Safety Tolerance must be a whole number from 0 to 5/,
	}),
	'too many reference images': () => ({
		parameters: edit('flux-kontext-pro', ['a', 'b', 'c', 'd', 'e']),
		input: [
			{
				json: {},
				binary: Object.fromEntries(
					['a', 'b', 'c', 'd', 'e'].map((name) => [name, image(buildImage('png', name))]),
				),
			},
		],
		message: /^Too many input images: FLUX\.1 Kontext \[pro\] \(Legacy\) takes at most 4/,
	}),
	'a missing binary field': () => ({
		parameters: edit('flux-2-pro', ['data']),
		input: [{ json: {} }],
		message: /^No binary field "data" for Reference Image 1; this item has no binary data$/,
	}),
	'a binary that is not an image': () => ({
		parameters: edit('flux-2-pro', ['data']),
		input: [
			{
				json: {},
				binary: { data: image(Buffer.from('%PDF-1.7 not an image'), 'application/pdf') },
			},
		],
		message:
			/^The binary field "data" used as Reference Image 1 is not a PNG, JPEG or WebP image \(it is application\/pdf\)$/,
	}),
	'a training ZIP over the limit': () => ({
		parameters: {
			resource: 'finetune',
			operation: 'create',
			trainingData: 'zip',
			comment: 'big',
			mode: 'general',
		},
		input: [
			{
				json: {},
				binary: {
					data: image(
						Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(51 * 1024 * 1024)]),
						'application/zip',
					),
				},
			},
		],
		message: /^The training ZIP is 51\.0 MB; the limit is 50\.0 MB/,
	}),
	'a polling URL on a host that is not BFL': () => ({
		parameters: {
			resource: 'task',
			operation: 'getResult',
			by: 'pollingUrl',
			pollingUrl: 'https://collector.example.com/v1/get_result?id=1',
		},
		message:
			/^Refusing to poll "https:\/\/collector\.example\.com\/v1\/get_result\?id=1": the API key is only sent to BFL's https API hosts/,
	}),
	'a file:// polling URL': () => ({
		parameters: {
			resource: 'task',
			operation: 'getResult',
			by: 'pollingUrl',
			pollingUrl: 'file:///etc/passwd',
		},
		message:
			/^Polling URL must be an http\(s\) URL returned by BFL \(got "file:\/\/\/etc\/passwd"\)$/,
	}),
	'a malformed custom base URL': () => ({
		parameters: generate,
		credentials: {
			apiKey: CALLER,
			region: 'custom',
			baseUrl: 'bfl gateway',
			finetuneRegion: 'auto',
		},
		message: /^The credential's Base URL "bfl gateway" is not a valid URL/,
	}),
};

describe('bad input fails before any request, naming the field', () => {
	it.each(Object.keys(CASES))('%s', async (name) => {
		const { parameters, input, credentials, message } = CASES[name]();
		const { error } = await runBfl({
			parameters,
			input,
			credentials: credentials ?? simulatorCredentials(fake.apiBase, CALLER),
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(error?.message).not.toContain(CALLER);
		expect(fake.stats().requests).toEqual([]);
	});
});
