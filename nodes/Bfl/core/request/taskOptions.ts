/** How an item waits for and delivers its task; read from the node's Options collection. */
export interface TaskOptions {
	waitForCompletion: boolean;
	pollIntervalMs: number;
	timeoutMs: number;
	download: boolean;
	binaryPropertyName: string;
	/** How long one HTTP request may take; a stalled connection ends here and, where safe, is retried. */
	requestTimeoutMs: number;
	/** Results larger than this are refused, also while they stream in. */
	maxDownloadBytes: number;
	/** Downloads from hosts other than BFL's delivery hosts or the custom base URL's host. */
	allowAnyDownloadHost: boolean;
	/** Completion by webhook: BFL posts the result there, and the node returns at once. */
	webhook?: { url: string; secret?: string };
}
