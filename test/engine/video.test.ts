import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { webhookToken } from '../../nodes/Bfl/core/trust/webhook';
import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { buildImage } from '../fake-bfl/images';
import { buildDraftCache, buildMp4, readBoxes } from '../fake-bfl/video';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { startBinaryStore } from '../helpers/binaryStore';
import { nodeLogger } from '../helpers/logger';
import { bytesOf } from '../helpers/results';
import { startTriggerServer } from '../helpers/triggerServer';
import { waitFor } from '../helpers/wait';

// Ten rounds of five video tasks take seconds; the limit only stops a hang on a loaded machine.
jest.setTimeout(60_000);

const CALLER = 'caller-video-1616';
let fake: FakeBfl;

beforeAll(async () => {
	fake = await startFakeBfl({ apiKey: CALLER, latencyMs: 150, credits: 1_000_000 });
});
afterAll(async () => await fake.close());
beforeEach(() => {
	fake.configure({ latencyMs: 150, credits: 1_000_000, videoCap: 5 });
	fake.resetStats();
});

const credentials = () => simulatorCredentials(fake.apiBase, CALLER);
const file = (bytes: Buffer, mimeType: string, fileName: string) => ({
	data: bytes.toString('base64'),
	mimeType,
	fileName,
});

function video(
	operation: string,
	parameters: Record<string, unknown>,
	input?: INodeExecutionData[],
	continueOnFail = false,
) {
	return runBfl({
		parameters: { resource: 'video', operation, options: { pollInterval: 0.2 }, ...parameters },
		input,
		continueOnFail,
		credentials: credentials(),
	});
}

const bodyOf = (id: string) => fake.tasks.get(id)!.body;
const polls = (id: string) => fake.stats().pollsByTask[id] ?? 0;

describe('Video in the n8n engine against the fake BFL', () => {
	it('Text to Video sends only the t2v fields and hands on the MP4 as <task id>.mp4', async () => {
		fake.configure({ latencyMs: 700 });
		const debug = jest.spyOn(nodeLogger(), 'debug');
		const { items, error } = await video('generate', {
			videoMode: 't2v',
			prompt: 'waves at dusk',
			aspectRatio: '16:9',
			duration: '6',
			resolution: 'fhd',
			generateAudio: false,
			additionalFields: { safetyTolerance: 3, user: 'team-a' },
			// Left over from another mode: must not reach BFL's closed schema.
			keyframes: { keyframe: [{ source: 'url', url: 'https://example.com/a.png' }] },
			videoSource: 'url',
			videoUrl: 'https://example.com/a.mp4',
		});
		expect(error).toBeUndefined();
		const [item] = items;
		expect(bodyOf(item.json.id)).toEqual({
			mode: 't2v',
			prompt: 'waves at dusk',
			aspect_ratio: '16:9',
			duration: 6,
			resolution: 'fhd',
			generate_audio: false,
			safety_tolerance: 3,
			user: 'team-a',
		});
		expect(item.json).toMatchObject({
			status: 'Ready',
			model: 'flux-3-video',
			mode: 't2v',
			duration: 6,
			resolution: 'fhd',
			aspectRatio: '16:9',
			cost: 29 * 6,
			sampleUrl: expect.stringMatching(/sample\.mp4\?/),
			sampleUrlExpiresAt: expect.any(String),
		});
		const binary = item.binary?.data;
		expect(binary).toMatchObject({ mimeType: 'video/mp4', fileName: `${item.json.id}.mp4` });
		const bytes = bytesOf(item);
		expect(bytes.equals(fake.imageFor(item.json.id)!)).toBe(true);
		expect(readBoxes(bytes).map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat']);
		// One look per Poll Interval (0.2 s) over a 0.7 s task, the first after one interval.
		expect(polls(item.json.id)).toBeLessThanOrEqual(6);
		// Each look that found the task running logged BFL's phase and progress at debug level.
		const progress = debug.mock.calls.filter(([message]) => String(message).includes(item.json.id));
		expect(progress.length).toBeGreaterThan(0);
		expect(progress[0][1]).toMatchObject({ taskId: item.json.id, progress: expect.any(Number) });
		debug.mockRestore();
		expect(JSON.stringify(items)).not.toContain(CALLER);
		expect(fake.stats().keyLeaks).toEqual([]);
	});

	it('Image to Video takes keyframes from binary fields and URLs, with times as [seconds, image] pairs', async () => {
		const [first, last] = [buildImage('png', 'first'), buildImage('jpeg', 'last')];
		const input = [
			{
				json: {},
				binary: {
					still: file(first, 'image/png', 'a.png'),
					end: file(last, 'image/jpeg', 'b.jpg'),
				},
			},
		];
		const timed = await video(
			'generate',
			{
				videoMode: 'i2v',
				prompt: 'the still comes alive',
				keyframes: {
					keyframe: [
						{ source: 'binary', binaryPropertyName: 'still', seconds: '0' },
						{ source: 'url', url: 'https://images.example.com/mid.png', seconds: '2.5' },
						{ source: 'binary', binaryPropertyName: 'end', seconds: 7 },
					],
				},
			},
			input,
		);
		expect(timed.error).toBeUndefined();
		expect(bodyOf(timed.items[0].json.id)).toEqual({
			mode: 'i2v',
			prompt: 'the still comes alive',
			aspect_ratio: 'auto',
			duration: 'auto',
			resolution: 'hd',
			generate_audio: true,
			keyframes: [
				[0, first.toString('base64')],
				[2.5, 'https://images.example.com/mid.png'],
				[7, last.toString('base64')],
			],
		});
		expect(timed.items[0].json).toMatchObject({ mode: 'i2v', duration: 'auto', cost: 17 * 7 });

		const plain = await video(
			'generate',
			{
				videoMode: 'i2v',
				prompt: 'x',
				keyframes: { keyframe: [{ source: 'binary', binaryPropertyName: 'still' }] },
			},
			input,
		);
		expect(plain.error).toBeUndefined();
		expect(bodyOf(plain.items[0].json.id).keyframes).toEqual([first.toString('base64')]);
	});

	it('Continue Video sends the start video from a binary MP4', async () => {
		const source = buildMp4('my-clip');
		const { items, error } = await video(
			'generate',
			{
				videoMode: 'v2v',
				prompt: 'and then it rains',
				duration: '15',
				videoBinaryPropertyName: 'clip',
			},
			[{ json: {}, binary: { clip: file(source, 'video/mp4', 'clip.mp4') } }],
		);
		expect(error).toBeUndefined();
		expect(bodyOf(items[0].json.id)).toMatchObject({
			mode: 'v2v',
			start_video: source.toString('base64'),
			duration: 15,
		});
		expect(items[0].json).toMatchObject({ mode: 'v2v', duration: 15 });
	});

	it('a draft hands on the draft cache as a .bin binary, and Enhance Draft turns it into the video', async () => {
		const draft = await video('generate', {
			videoMode: 't2v',
			prompt: 'a quick preview',
			additionalFields: { draft: true },
			options: { pollInterval: 0.2, binaryPropertyName: 'draft' },
		});
		expect(draft.error).toBeUndefined();
		const [item] = draft.items;
		expect(bodyOf(item.json.id)).toMatchObject({ mode: 't2v', draft: true });
		expect(item.json).toMatchObject({
			draft: true,
			cost: 6 * 5,
			draftCacheUrl: expect.stringMatching(/draft_cache\.bin/),
		});
		expect(item.json.sampleUrl).toBeUndefined();
		expect(item.binary?.draft).toMatchObject({
			mimeType: 'application/octet-stream',
			fileName: `${item.json.id}.bin`,
		});
		expect(bytesOf(item, 'draft').equals(buildDraftCache(item.json.id))).toBe(true);

		const enhanced = await video('enhanceDraft', { resolution: 'uhd' }, [
			{ json: {}, binary: item.binary },
		]);
		expect(enhanced.error).toBeUndefined();
		const final = enhanced.items[0];
		expect(bodyOf(final.json.id)).toEqual({
			mode: 'draft_enhance',
			resolution: 'uhd',
			draft_cache: bytesOf(item, 'draft').toString('base64'),
		});
		expect(final.json).toMatchObject({ mode: 'draft_enhance', resolution: 'uhd' });
		expect(bytesOf(final).equals(buildMp4(final.json.id))).toBe(true);
	});

	it('Return Immediately, then Task → Get Result hands on the MP4, or a draft cache, as video files', async () => {
		const submitted = await video('generate', {
			videoMode: 't2v',
			prompt: 'later',
			completion: 'return',
		});
		expect(submitted.error).toBeUndefined();
		const { id, pollingUrl } = submitted.items[0].json;
		expect(submitted.items[0].json).toMatchObject({ mode: 't2v', status: 'Pending' });
		expect(submitted.items[0].binary).toBeUndefined();
		const fetched = await runBfl({
			parameters: {
				resource: 'task',
				operation: 'getResult',
				by: 'pollingUrl',
				pollingUrl,
				options: { pollInterval: 0.2 },
			},
			credentials: credentials(),
		});
		expect(fetched.error).toBeUndefined();
		expect(fetched.items[0].binary?.data).toMatchObject({
			mimeType: 'video/mp4',
			fileName: `${id}.mp4`,
		});
		expect(bytesOf(fetched.items[0]).equals(fake.imageFor(id)!)).toBe(true);

		// A draft fetched later comes out as its cache bundle, ready for Enhance Draft.
		const draft = await video('generate', {
			videoMode: 't2v',
			prompt: 'later, as a draft',
			completion: 'return',
			additionalFields: { draft: true },
		});
		const draftId = draft.items[0].json.id;
		const fetchedDraft = await runBfl({
			parameters: {
				resource: 'task',
				operation: 'getResult',
				by: 'pollingUrl',
				pollingUrl: draft.items[0].json.pollingUrl,
				options: { pollInterval: 0.2 },
			},
			credentials: credentials(),
		});
		expect(fetchedDraft.error).toBeUndefined();
		expect(fetchedDraft.items[0].json.draftCacheUrl).toMatch(/draft_cache\.bin/);
		expect(fetchedDraft.items[0].binary?.data).toMatchObject({
			mimeType: 'application/octet-stream',
			fileName: `${draftId}.bin`,
		});
		expect(bytesOf(fetchedDraft.items[0]).equals(buildDraftCache(draftId))).toBe(true);
	});

	it('Edit sends the video and the instruction only', async () => {
		const { items, error } = await video('edit', {
			videoSource: 'url',
			videoUrl: 'https://cdn.example.com/in.mp4',
			instruction: 'make it snow',
			additionalFields: { safetyTolerance: 1 },
		});
		expect(error).toBeUndefined();
		expect(bodyOf(items[0].json.id)).toEqual({
			video: 'https://cdn.example.com/in.mp4',
			prompt: 'make it snow',
			safety_tolerance: 1,
		});
		expect(items[0].json).toMatchObject({ mode: 'edit', model: 'flux-tools/video-edit-v1' });
		expect(bytesOf(items[0]).equals(buildMp4(items[0].json.id))).toBe(true);
	});

	it('Upscale with Completion → Webhook sends the signed trigger URL and returns at once', async () => {
		const trigger = await startTriggerServer({ credentials: credentials(), options: {} });
		try {
			const { items, error } = await video('upscale', {
				videoSource: 'url',
				videoUrl: 'https://cdn.example.com/in.mp4',
				upscaleFactor: 2.5,
				creativity: 0,
				prompt: 'a harbour',
				completion: 'webhook',
				webhookUrl: trigger.url,
				webhookSecret: 's3cret',
			});
			expect(error).toBeUndefined();
			const submitted = items[0].json;
			expect(submitted).toMatchObject({
				status: 'Pending',
				webhookUrl: trigger.url,
				mode: 'upscale',
			});
			const body = bodyOf(submitted.id);
			expect(body).toMatchObject({
				input_video: 'https://cdn.example.com/in.mp4',
				upscale_factor: 2.5,
				creativity: 0,
				prompt: 'a harbour',
				webhook_secret: 's3cret',
			});
			expect(new URL(body.webhook_url as string).searchParams.get('bfl_token')).toBe(
				webhookToken(CALLER, trigger.url),
			);
			expect(fake.stats().polls).toBe(0);
			await waitFor(() => trigger.emitted.length === 1, 'the webhook');
			const [event] = trigger.emitted;
			expect(event.json).toMatchObject({ id: submitted.id, status: 'Ready' });
			// The Video operations' JSON: BFL's duration is the processing time.
			expect(event.json).toHaveProperty('processingSeconds');
			expect(event.json).not.toHaveProperty('durationSeconds');
			expect(event.binary?.data).toMatchObject({
				mimeType: 'video/mp4',
				fileName: `${submitted.id}.mp4`,
			});
			expect(bytesOf(event).equals(fake.imageFor(submitted.id)!)).toBe(true);
		} finally {
			await trigger.close();
		}
	});

	it('the trigger streams a webhook video under Max Video Download Size, not the image cap', async () => {
		// A 2 MB body that starts like an MP4: over a 1 MB image cap, under the video default.
		const mp4Head = '\u0000\u0000\u0000\u0018ftypisom';
		const large = mp4Head + 'x'.repeat(2 * 1024 * 1024);
		const upscaleTo = async (options: IDataObject) => {
			const trigger = await startTriggerServer({ credentials: credentials(), options });
			try {
				fake.injectFault({
					target: 'delivery',
					action: 'respond',
					status: 200,
					contentType: 'video/mp4',
					body: large,
				});
				const { error } = await video('upscale', {
					videoSource: 'url',
					videoUrl: 'https://cdn.example.com/in.mp4',
					completion: 'webhook',
					webhookUrl: trigger.url,
				});
				expect(error).toBeUndefined();
				await waitFor(() => trigger.emitted.length === 1, 'the webhook');
				return trigger.emitted[0];
			} finally {
				await trigger.close();
			}
		};
		const streamed = await upscaleTo({ maxDownloadSize: 1 });
		expect(streamed.json.error).toBeUndefined();
		expect(streamed.binary?.data).toMatchObject({
			mimeType: 'video/mp4',
			fileName: `${streamed.json.id}.mp4`,
		});
		expect(bytesOf(streamed).equals(Buffer.from(large))).toBe(true);
		const capped = await upscaleTo({ maxVideoDownloadSize: 1 });
		expect(capped.binary).toBeUndefined();
		expect(capped.json.error).toBe(
			'The result video is 2.0 MB, more than the 1.0 MB download limit',
		);
	});

	it('refuses bad durations, oversized or wrong inputs and webhooks where BFL has none, before any request', async () => {
		const big = { data: '', mimeType: 'video/mp4', fileName: 'big.mp4', bytes: 60 * 1024 * 1024 };
		const cases: Array<[string, Record<string, unknown>, RegExp, INodeExecutionData[]?]> = [
			[
				'generate',
				{
					videoMode: 'v2v',
					prompt: 'x',
					duration: '18',
					videoSource: 'url',
					videoUrl: 'https://e.com/a.mp4',
				},
				/Duration must be Auto or a whole number of seconds from 5 to 15 for Continue Video/,
			],
			['generate', { videoMode: 't2v', prompt: 'x', duration: '21' }, /from 5 to 20/],
			['generate', { videoMode: 't2v', prompt: '={{ "  " }}' }, /Prompt is required/],
			[
				'generate',
				{ videoMode: 'i2v', prompt: 'x', keyframes: { keyframe: [] } },
				/takes 1 to 10 keyframes, got 0/,
			],
			[
				'generate',
				{
					videoMode: 'i2v',
					prompt: 'x',
					keyframes: {
						keyframe: [
							{ source: 'url', url: 'https://e.com/1.png', seconds: '2' },
							{ source: 'url', url: 'https://e.com/2.png' },
						],
					},
				},
				/time for every keyframe or for none/,
			],
			[
				'generate',
				{
					videoMode: 'i2v',
					prompt: 'x',
					keyframes: {
						keyframe: [1, 2, 3].map((n) => ({ source: 'url', url: `https://e.com/${n}.png` })),
					},
				},
				/need a set Duration/,
			],
			[
				'generate',
				{ videoMode: 'v2v', prompt: 'x' },
				/"data" used as the start video is 60\.0 MB; BFL accepts at most 50\.0 MB/,
				[{ json: {}, binary: { data: big } }],
			],
			[
				'edit',
				{ instruction: 'x' },
				/"data" used as the video is not an MP4 video \(it is image\/png\)/,
				[{ json: {}, binary: { data: file(buildImage('png', 'p'), 'image/png', 'p.png') } }],
			],
			[
				'edit',
				{ videoSource: 'url', videoUrl: 'https://e.com/a.mp4', instruction: 'y'.repeat(4097) },
				/Instruction must be 1 to 4096 characters long/,
			],
			[
				'upscale',
				{ upscaleFactor: 4 },
				/Upscale Factor must be a number from 1\.5 to 3/,
				[{ json: {}, binary: { data: file(buildMp4('x'), 'video/mp4', 'a.mp4') } }],
			],
			[
				'edit',
				{
					videoSource: 'url',
					videoUrl: 'https://e.com/a.mp4',
					instruction: 'x',
					completion: 'webhook',
					webhookUrl: 'https://n8n.example.com/webhook/x/bfl',
				},
				/Edit Video cannot report by webhook/,
			],
		];
		for (const [operation, parameters, message, input] of cases) {
			const { error } = await video(operation, parameters, input);
			expect({ operation, message: error?.message }).toEqual({
				operation,
				message: expect.stringMatching(message),
			});
		}
		expect(fake.stats().submits).toBe(0);
	});

	it('refuses an upscale input larger than 2560×1440, read from the MP4 boxes, before any request', async () => {
		const mp4 = buildMp4('wide');
		const wide = Buffer.from(mp4);
		// Rewrite the track header's width and height (16.16) to 3840×2160.
		const moov = readBoxes(wide).find((b) => b.type === 'moov')!;
		const trak = readBoxes(wide, moov.offset + 8, moov.offset + moov.size).find(
			(b) => b.type === 'trak',
		)!;
		const tkhd = readBoxes(wide, trak.offset + 8, trak.offset + trak.size).find(
			(b) => b.type === 'tkhd',
		)!;
		wide.writeUInt32BE(3840 << 16, tkhd.offset + 8 + 76);
		wide.writeUInt32BE((2160 << 16) >>> 0, tkhd.offset + 8 + 80);
		const { error } = await video('upscale', {}, [
			{ json: {}, binary: { data: file(wide, 'video/mp4', 'w.mp4') } },
		]);
		expect(error?.message).toMatch(/is 3840×2160; Video → Upscale takes at most 2560×1440/);
		const ok = await video('upscale', {}, [
			{ json: {}, binary: { data: file(mp4, 'video/mp4', 'w.mp4') } },
		]);
		expect(ok.error).toBeUndefined();
		expect(bodyOf(ok.items[0].json.id)).toEqual({
			input_video: mp4.toString('base64'),
			upscale_factor: 2,
			creativity: 1,
		});
		expect(fake.stats().submits).toBe(1);
	});

	it('runs 50 items without ever exceeding the video cap of 5, all Ready, paired and in order', async () => {
		fake.configure({ latencyMs: 300 });
		const input = Array.from({ length: 50 }, (_, i) => ({ json: { prompt: `clip ${i}` } }));
		const { items, error } = await video(
			'generate',
			{
				videoMode: 't2v',
				prompt: '={{ $json.prompt }}',
				options: { pollInterval: 0.2, download: false },
			},
			input,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(50);
		items.forEach((item, i) => {
			expect(item.json.status).toBe('Ready');
			expect(item.pairedItem).toEqual({ item: i });
			expect(bodyOf(item.json.id).prompt).toBe(`clip ${i}`);
		});
		const stats = fake.stats();
		expect(stats.peakVideoInFlight).toBeLessThanOrEqual(5);
		expect(stats.status429).toBe(0);
		expect(stats.accepted).toBe(50);
	});
});

/** The next download answers 2 MB that claim to be an MP4 but are not one. */
const serveTwoMegabytes = () =>
	fake.injectFault({
		target: 'delivery',
		action: 'respond',
		status: 200,
		contentType: 'video/mp4',
		body: 'x'.repeat(2 * 1024 * 1024),
	});

describe('Max Download Size of a video result', () => {
	it('is checked before any request', async () => {
		const { error } = await video('generate', {
			videoMode: 't2v',
			prompt: 'x',
			options: { maxDownloadSize: 'a lot' },
		});
		expect(error?.message).toMatch(/^Max Download Size \(MB\) must be a number from 1 to 2048/);
		expect(fake.stats().submits).toBe(0);
	});

	it('refuses a larger result before reading it, where the 1024 MB default would not', async () => {
		serveTwoMegabytes();
		const capped = await video('generate', {
			videoMode: 't2v',
			prompt: 'x',
			options: { pollInterval: 0.2, maxDownloadSize: 1 },
		});
		expect(capped.error?.message).toBe(
			'The result video is 2.0 MB, more than the 1.0 MB download limit',
		);
		serveTwoMegabytes();
		const byDefault = await video('generate', { videoMode: 't2v', prompt: 'x' });
		expect(byDefault.error?.message).toMatch(/^The result is not an MP4 video/);
	});
});

describe('Task → Get Result of a video task', () => {
	const getResult = (options: Record<string, unknown>, id: string) =>
		runBfl({
			parameters: {
				resource: 'task',
				operation: 'getResult',
				by: 'taskId',
				taskId: id,
				options: { pollInterval: 0.2, ...options },
			},
			credentials: credentials(),
		});

	it('outputs the JSON Video → Generate output for the same task, less what only the request knew', async () => {
		for (const draft of [false, true]) {
			const generated = await video('generate', {
				videoMode: 't2v',
				prompt: `the same task, draft ${draft}`,
				duration: '6',
				additionalFields: { draft },
			});
			expect(generated.error).toBeUndefined();
			const own = generated.items[0].json;
			const fetched = await getResult({}, own.id);
			expect(fetched.error).toBeUndefined();
			// The model and the settings sent are in the submit, which Get Result never sees.
			const { model, mode, duration, resolution, aspectRatio, ...fromTask } = own;
			expect({ model, mode, duration, resolution, aspectRatio }).toEqual({
				model: 'flux-3-video',
				mode: 't2v',
				duration: 6,
				resolution: 'hd',
				aspectRatio: 'auto',
			});
			expect(fromTask.cost).toEqual(expect.any(Number));
			expect(fetched.items[0].json).toEqual(fromTask);
			expect(fetched.items[0].json).toHaveProperty('processingSeconds');
			expect(fetched.items[0].json).not.toHaveProperty('durationSeconds');
			if (draft) expect(fetched.items[0].json).toHaveProperty('draftCacheUrlExpiresAt');
			expect(bytesOf(fetched.items[0]).equals(bytesOf(generated.items[0]))).toBe(true);
		}
	});

	it('words a failed or moderated task without calling it an image', async () => {
		for (const [tag, message] of [
			['[error]', /^BFL could not finish task \S+ \(Error\)/],
			['[content-moderated]', /^BFL moderation blocked the generated result \(Content Moderated\)/],
		] as const) {
			const returned = await video('generate', {
				videoMode: 't2v',
				prompt: `a storm ${tag}`,
				completion: 'return',
			});
			const { error } = await getResult({ waitForCompletion: true }, returned.items[0].json.id);
			expect(error?.message).toMatch(message);
			expect(error?.message).not.toMatch(/image/);
		}
	});

	it('downloads under Max Video Download Size, not the image cap', async () => {
		const returned = await video('generate', {
			videoMode: 't2v',
			prompt: 'x',
			completion: 'return',
		});
		const { id } = returned.items[0].json;
		serveTwoMegabytes();
		const capped = await getResult({ maxVideoDownloadSize: 1 }, id);
		expect(capped.error?.message).toBe(
			'The result video is 2.0 MB, more than the 1.0 MB download limit',
		);
		// The image cap does not apply: the 2 MB body is read, and found not to be an MP4.
		serveTwoMegabytes();
		const imageCap = await getResult({ maxDownloadSize: 1 }, id);
		expect(imageCap.error?.message).toMatch(/^The result is not an MP4 video/);
		const bad = await getResult({ maxVideoDownloadSize: 'huge' }, id);
		expect(bad.error?.message).toMatch(/^Max Video Download Size \(MB\) must be a number/);
	});
});

describe('video inputs in a binary store, without a recorded size', () => {
	const store = startBinaryStore('video-test-store');
	const MB = 1024 * 1024;
	beforeEach(() => store.reset());
	const continueWith = (binary: Record<string, unknown>) =>
		video('generate', { videoMode: 'v2v', prompt: 'and then it rains' }, [
			{ json: {}, binary: { data: binary as never } },
		]);

	it('refuses a 60 MB file from its metadata, reading none of it', async () => {
		const { error } = await continueWith(
			store.put('big', { size: 60 * MB, metadataSize: 60 * MB }),
		);
		expect(error?.message).toMatch(
			/"data" used as the start video is 60\.0 MB; BFL accepts at most 50\.0 MB/,
		);
		expect(store.calls).toMatchObject({ buffers: [], streams: [], streamed: 0 });
		expect(fake.stats().submits).toBe(0);
	});

	it('refuses a 60 MB file without metadata after reading just past 50 MB, never all of it', async () => {
		const { error } = await continueWith(store.put('big', { size: 60 * MB }));
		expect(error?.message).toMatch(
			/"data" used as the start video is larger than that; BFL accepts at most 50\.0 MB/,
		);
		expect(store.calls.buffers).toEqual([]);
		expect(store.calls.streams).toEqual(['big']);
		expect(store.calls.streamed).toBeGreaterThan(50 * MB);
		expect(store.calls.streamed).toBeLessThan(51 * MB);
		expect(fake.stats().submits).toBe(0);
	});

	it('streams a small stored MP4 and sends exactly its bytes', async () => {
		const mp4 = buildMp4('stored-clip');
		const { items, error } = await continueWith(store.put('clip', { bytes: mp4 }));
		expect(error).toBeUndefined();
		expect(bodyOf(items[0].json.id)).toMatchObject({ start_video: mp4.toString('base64') });
		expect(store.calls.buffers).toEqual([]);
	});
});
