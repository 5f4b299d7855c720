/** How an item waits for and delivers its task; read from the node's Options collection. */
export interface TaskOptions {
	waitForCompletion: boolean;
	pollIntervalMs: number;
	timeoutMs: number;
	download: boolean;
	binaryPropertyName: string;
}
