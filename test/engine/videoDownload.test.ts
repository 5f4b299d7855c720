import { downloadVideo } from '../../nodes/Bfl/transport/videoDownload';
import { buildMp4 } from '../fake-bfl/video';
import { drain, lazyStream, streamOf } from '../helpers/streams';

/** A context with just what downloadVideo uses; prepareBinaryData drains the stream like n8n's memory mode. */
function contextServing(status: number, chunks: Buffer[], headers: Record<string, string> = {}) {
	const calls = { requests: 0, stored: 0 };
	const ctx = {
		getNode: () => ({ name: 'BFL', type: 'bfl', typeVersion: 1, position: [0, 0], parameters: {} }),
		helpers: {
			httpRequest: async (options: { encoding?: string }) => {
				calls.requests++;
				expect(options.encoding).toBe('stream');
				// Small chunks, so the head and the cap are checked across chunk boundaries.
				return { statusCode: status, headers, body: streamOf(chunks) };
			},
			binaryToString: async (body: AsyncIterable<Buffer>) => (await drain(body)).toString('utf8'),
			prepareBinaryData: async (
				stream: NodeJS.ReadableStream,
				fileName: string,
				mimeType: string,
			) => {
				const parts: Buffer[] = [];
				await new Promise<void>((resolve, reject) => {
					stream.on('data', (part: Buffer) => parts.push(part));
					stream.on('end', resolve);
					stream.on('error', reject);
				});
				calls.stored++;
				return { data: Buffer.concat(parts).toString('base64'), fileName, mimeType };
			},
		},
	};
	return { ctx: ctx as never, calls };
}

const split = (bytes: Buffer, size: number) =>
	Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
		bytes.subarray(i * size, (i + 1) * size),
	);
const URL = 'https://delivery.example.com/results/t1/sample.mp4?sig=x';
const fetch = (maxBytes = 1024 * 1024 * 1024) => ({
	itemIndex: 0,
	task: { taskId: 't1', pollingUrl: 'https://api.bfl.ai/v1/get_result?id=t1' },
	timeoutMs: 1000,
	// A custom gateway that serves results from its own host; the host check stays on.
	scope: { customBaseUrl: 'https://delivery.example.com', allowAnyHost: false },
	maxBytes: { image: 1, video: maxBytes },
});
const mp4File = { kind: 'mp4' as const, url: URL };

describe('downloadVideo streams the result into binary storage', () => {
	it('passes the bytes on unchanged, in 5-byte chunks, as video/mp4 named <task id>.mp4', async () => {
		const mp4 = buildMp4('t1');
		const { ctx } = contextServing(200, split(mp4, 5));
		const binary = await downloadVideo(ctx, 't1', mp4File, fetch());
		expect(binary).toMatchObject({ fileName: 't1.mp4', mimeType: 'video/mp4' });
		expect(Buffer.from(binary.data, 'base64').equals(mp4)).toBe(true);
	});

	it('fails past the size cap while streaming, and before reading when Content-Length says so', async () => {
		const mp4 = buildMp4('t1');
		const streamed = contextServing(200, split(mp4, 64));
		await expect(downloadVideo(streamed.ctx, 't1', mp4File, fetch(100))).rejects.toThrow(
			/larger than the 0\.0 MB download limit/,
		);
		const declared = contextServing(200, [mp4], { 'content-length': String(10 ** 10) });
		await expect(downloadVideo(declared.ctx, 't1', mp4File, fetch())).rejects.toThrow(
			/The result video is 9536\.7 MB, more than the 1024\.0 MB download limit/,
		);
		expect(declared.calls.stored).toBe(0);
	});

	it('refuses bytes that are not an MP4 whatever the content-type, and explains an expired URL', async () => {
		const html = contextServing(200, [Buffer.from('<html>proxy login page</html>')], {
			'content-type': 'video/mp4',
		});
		await expect(downloadVideo(html.ctx, 't1', mp4File, fetch())).rejects.toThrow(
			/not an MP4 video \(content-type video\/mp4\)/,
		);
		expect(html.calls.stored).toBe(0);
		const expired = contextServing(403, [
			Buffer.from(
				'<Error><AuthenticationErrorDetail>Signed expiry time [x] has to be after current time [y]</AuthenticationErrorDetail></Error>',
			),
		]);
		await expect(downloadVideo(expired.ctx, 't1', mp4File, fetch())).rejects.toThrow(
			/The result URL expired/,
		);
	});

	it('stores a draft cache as application/octet-stream named <task id>.bin', async () => {
		const cache = Buffer.from('BFLDRAFT\0t1\0');
		const { ctx } = contextServing(200, [cache]);
		const binary = await downloadVideo(ctx, 't1', { kind: 'draft', url: URL }, fetch());
		expect(binary).toMatchObject({ fileName: 't1.bin', mimeType: 'application/octet-stream' });
		expect(Buffer.from(binary.data, 'base64').equals(cache)).toBe(true);
	});

	it('closes the body of a failed attempt before retrying, and then downloads the video', async () => {
		const mp4 = buildMp4('t1');
		// A 503 with a 1 MB error page, then the video: the page is read only for its message.
		const errorPage = lazyStream(1024 * 1024);
		const answers = [
			{ statusCode: 503, headers: {}, body: errorPage.stream },
			{ statusCode: 200, headers: {}, body: streamOf(split(mp4, 64)) },
		];
		const { ctx } = contextServing(200, []);
		const helpers = (ctx as { helpers: Record<string, unknown> }).helpers;
		helpers.httpRequest = async () => answers.shift();
		const binary = await downloadVideo(ctx, 't1', mp4File, fetch());
		expect(Buffer.from(binary.data, 'base64').equals(mp4)).toBe(true);
		expect(answers).toHaveLength(0);
		expect(errorPage.stream.destroyed).toBe(true);
		expect(errorPage.produced()).toBeLessThan(1024 * 1024);
	});
});
