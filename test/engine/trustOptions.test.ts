import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';

/** Numeric options from expressions: garbage fails before any request, naming option and range. */
const CALLER = 'caller-options-4';
let fake: FakeBfl;

beforeAll(async () => {
	fake = await startFakeBfl({ apiKey: CALLER });
});
afterAll(async () => await fake.close());
beforeEach(() => fake.resetStats());

const generate = {
	resource: 'image',
	operation: 'generate',
	model: 'flux-2-pro',
	prompt: 'a fox',
	width: 512,
	height: 512,
};
const getResult = {
	resource: 'task',
	operation: 'getResult',
	by: 'taskId',
	taskId: 'task-1',
};

const OPTIONS: Array<[string, RegExp]> = [
	['pollInterval', /^Poll Interval \(Seconds\) must be a number from 0\.2 to 300 \(got /],
	['timeout', /^Timeout \(Seconds\) must be a number from 1 to 86400 \(got /],
	['requestTimeout', /^Request Timeout \(Seconds\) must be a number from 1 to 3600 \(got /],
	['concurrency', /^Concurrency must be a number from 1 to 24 \(got /],
];
const GARBAGE = ['2s', 'x', '={{ "NaN" }}', '={{ 1/0 }}', '={{ true }}', '={{ {} }}'];

describe('numeric options are checked before any request', () => {
	const cases = OPTIONS.flatMap(([option, message]) =>
		GARBAGE.flatMap((value) =>
			[generate, getResult].map((parameters) => ({ option, message, value, parameters })),
		),
	);
	it.each(cases)(
		'$option = $value fails for $parameters.operation',
		async ({ option, message, value, parameters }) => {
			const { error } = await runBfl({
				parameters: { ...parameters, options: { [option]: value } },
				credentials: simulatorCredentials(fake.apiBase, CALLER),
			});
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(message);
			expect(fake.stats().requests).toEqual([]);
		},
	);

	it.each(['pollInterval', 'timeout'])('Finetune → Get Status checks %s too', async (option) => {
		const { error } = await runBfl({
			parameters: {
				resource: 'finetune',
				operation: 'getStatus',
				finetuneId: 'ft-1',
				waitForCompletion: true,
				[option]: '={{ "soon" }}',
			},
			credentials: simulatorCredentials(fake.apiBase, CALLER),
		});
		expect(error?.message).toMatch(/must be a number from \d+ to \d+ \(got "soon"\)/);
		expect(fake.stats().requests).toEqual([]);
	});

	it('accepts numeric text and clamps numbers into range', async () => {
		const { items, error } = await runBfl({
			parameters: {
				...generate,
				options: { pollInterval: '={{ "0.01" }}', timeout: '={{ "60" }}', concurrency: 99 },
			},
			credentials: simulatorCredentials(fake.apiBase, CALLER),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('Ready');
	});

	it.each([
		[
			'a FLUX.2 prompt over its limit',
			{ prompt: 'a'.repeat(131_073) },
			/^Prompt must be at most 131072 characters for FLUX\.2 \[pro\] \(got 131073 characters\)$/,
		],
		[
			'a Webhook URL too long for BFL once signed',
			{
				completion: 'webhook',
				webhookUrl: `https://n8n.example.com/webhook/${'x'.repeat(2040)}/bfl`,
			},
			/^Webhook URL is too long: BFL takes at most 2083 characters, and with the trigger's token it has \d+$/,
		],
	])('%s fails before any request', async (_, extra, message) => {
		const { error } = await runBfl({
			parameters: { ...generate, ...extra },
			credentials: simulatorCredentials(fake.apiBase, CALLER),
		});
		expect(error?.message).toMatch(message);
		expect(fake.stats().requests).toEqual([]);
	});
});
