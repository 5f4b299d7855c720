import { sniffImageFormat } from '../../nodes/Bfl/core/bytes/files';
import { finishedOutput, submittedOutput } from '../../nodes/Bfl/core/results/output';
import { describeErrorBody, sampleUrlExpiry } from '../../nodes/Bfl/core/results/responses';

describe('describeErrorBody', () => {
	it('reads a string detail, a FastAPI list, a message, or the text of an HTML page', () => {
		expect(describeErrorBody({ detail: 'Insufficient credits' })).toBe('Insufficient credits');
		expect(
			describeErrorBody({
				detail: [
					{ loc: ['body', 'width'], msg: 'Input should be a multiple of 32', type: 'multiple_of' },
					{
						loc: ['body', 'steps'],
						msg: 'Input should be less than or equal to 50',
						type: 'less_than_equal',
					},
				],
			}),
		).toBe(
			'width: Input should be a multiple of 32; steps: Input should be less than or equal to 50',
		);
		expect(describeErrorBody('{"message":"nope"}')).toBe('nope');
		expect(describeErrorBody('<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>')).toBe(
			'502 Bad Gateway nginx',
		);
		expect(describeErrorBody({})).toBeUndefined();
		expect(describeErrorBody('x'.repeat(1000))).toHaveLength(301);
	});
});

describe('sampleUrlExpiry', () => {
	it('reads the signed expiry from the se parameter', () => {
		const url =
			'https://delivery-eu1.bfl.ai/results/a/sample.jpeg?se=2025-07-14T07%3A36%3A43Z&sp=r&sig=x';
		expect(sampleUrlExpiry(url)).toBe('2025-07-14T07:36:43.000Z');
	});

	it('falls back to ten minutes after the end time', () => {
		expect(sampleUrlExpiry('https://delivery.bfl.ai/x.png', 1752478003.5)).toBe(
			'2025-07-14T07:36:43.500Z',
		);
		expect(sampleUrlExpiry('https://delivery.bfl.ai/x.png')).toBeUndefined();
	});
});

describe('task output', () => {
	const submit = {
		id: 't1',
		polling_url: 'https://api.us1.bfl.ai/v1/get_result?id=t1',
		cost: 3,
		input_mp: 0,
		output_mp: 1.05,
	};

	it('describes a submitted task without inventing fields', () => {
		expect(submittedOutput(submit, 'flux-2-pro')).toEqual({
			id: 't1',
			status: 'Pending',
			model: 'flux-2-pro',
			pollingUrl: submit.polling_url,
			cost: 3,
			inputMp: 0,
			outputMp: 1.05,
		});
	});

	it('prefers the cost of the final body, as FLUX.1 models only report it there', () => {
		const final = {
			id: 't1',
			status: 'Ready',
			cost: 4,
			result: {
				sample: 'https://delivery-us1.bfl.ai/r/sample.jpeg?se=2026-01-01T00%3A10%3A00Z',
				prompt: 'p',
				seed: 9,
				duration: 7.5,
			},
		};
		expect(finishedOutput(final, { ...submit, cost: null }, 'flux-pro-1.1')).toEqual({
			id: 't1',
			status: 'Ready',
			model: 'flux-pro-1.1',
			prompt: 'p',
			seed: 9,
			sampleUrl: final.result.sample,
			sampleUrlExpiresAt: '2026-01-01T00:10:00.000Z',
			cost: 4,
			inputMp: 0,
			outputMp: 1.05,
			durationSeconds: 7.5,
		});
	});
});

describe('files', () => {
	it('sniffs PNG, JPEG and WebP from their magic bytes', () => {
		expect(sniffImageFormat(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('png');
		expect(sniffImageFormat(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('jpeg');
		expect(sniffImageFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
		expect(sniffImageFormat(Buffer.from('<html>'))).toBeUndefined();
	});
});
