import type { MediaKind } from '../core/bytes/media';

/**
 * Each kind's defaults for the shared Options. Images: BFL's own examples poll every 0.5 s, and
 * 1 s halves the requests for at most half a second; FLUX.2 [max] at large sizes takes minutes,
 * so 10 minutes bound a dead task; a request may take 2 minutes (large base64 images). Video
 * takes minutes: a look every 5 s keeps the poll count low, 30 minutes cover long 4K renders and
 * a busy queue, and 5 minutes per request an upload of a 50 MB video or a long clip's download.
 */
export const OPTION_DEFAULTS: Record<
	MediaKind,
	{ pollInterval: number; minPollInterval: number; timeout: number; requestTimeout: number }
> = {
	image: { pollInterval: 1, minPollInterval: 0.2, timeout: 600, requestTimeout: 120 },
	video: { pollInterval: 5, minPollInterval: 1, timeout: 1800, requestTimeout: 300 },
};

interface Named {
	displayName: string;
	description: string;
}

/** What the shared Options say for each kind. */
export const KIND_WORDS: Record<
	MediaKind,
	{
		concurrency: string;
		download: Named;
		maxDownloadSize: string;
		binaryProperty: Named;
		pollInterval: string;
		requestTimeout: string;
		timeout: string;
	}
> = {
	image: {
		concurrency:
			'How many items run at BFL at once. BFL allows 24 tasks in flight per account (6 for Kontext [max]). Executions in this n8n share the account on their own; lower it to leave room for other apps that use the key.',
		download: {
			displayName: 'Download Image',
			description:
				'Whether to download the result as binary data. BFL result URLs expire after 10 minutes, so keep this on unless you only need the URL right away.',
		},
		maxDownloadSize:
			'Larger results are refused rather than loaded into memory. A 4 MP PNG is about 12 MB.',
		binaryProperty: {
			displayName: 'Output Binary Field',
			description: 'The name of the binary field that receives the image',
		},
		pollInterval: 'How often to ask BFL whether the image is ready',
		requestTimeout:
			'How long one HTTP request may take. A stalled status check or download is retried; a stalled submit is not, as BFL may have accepted it.',
		timeout:
			'How long the item may take as a whole (fetching input URLs, the task, the download) before failing. After the submit the error carries the task ID and polling URL, so Task → Get Result can fetch it later.',
	},
	video: {
		concurrency:
			'How many items run at BFL at once. BFL allows 5 video generations in flight per organization. Executions in this n8n share them on their own; lower it to leave room for other apps that use the key.',
		download: {
			displayName: 'Download Video',
			description:
				'Whether to download the result (the MP4, or the draft cache) as binary data. Result URLs expire, so keep this on unless you only need the URL right away.',
		},
		maxDownloadSize:
			'Larger results are refused while they stream in, before they fill the binary storage. A 20-second 4K clip is a few hundred MB.',
		binaryProperty: {
			displayName: 'Put Output File in Field',
			description: 'The name of the binary field to put the video or draft cache in',
		},
		pollInterval: 'How often to ask BFL whether the video is ready: at most one look per interval',
		requestTimeout:
			'How long one HTTP request may take, an upload of a 50 MB video or the download of a long clip included',
		timeout:
			'How long to wait for the video before failing; 30 minutes by default, as video takes minutes. The error carries the task ID, so Task → Get Result can fetch it later.',
	},
};
