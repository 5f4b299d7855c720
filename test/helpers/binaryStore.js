// @ts-check
/**
 * A binary data store for engine tests, registered in n8n-core's own BinaryDataService under its
 * own mode, so items can carry `id: "<mode>:<file>"` binaries the node reads through n8n's
 * helpers (getBinaryMetadata, getBinaryStream, getBinaryDataBuffer). It records how each file was
 * read and how many bytes its streams gave out. Plain JS: it needs 'stream'.
 */
const { lazyStream, streamOf } = require('./streams');

const fromCore = (/** @type {string} */ name) =>
	require(require.resolve(name, { paths: [require.resolve('n8n-core')] }));

/**
 * @typedef {{ bytes?: Buffer, size?: number, metadataSize?: number }} StoredFile `bytes`, or `size`
 *   bytes made as they are read; `metadataSize` is what the store's metadata reports (none when unset)
 */

/** @param {string} mode */
function startBinaryStore(mode) {
	/** @type {Map<string, StoredFile>} */
	const files = new Map();
	const calls = { buffers: [], streams: [], metadata: [], streamed: 0 };
	/** @param {string} fileId */
	const get = (fileId) => {
		const file = files.get(fileId);
		if (!file) throw new Error(`no test file ${fileId}`);
		return file;
	};
	const manager = {
		async init() {},
		/** @param {string} fileId */
		async getAsBuffer(fileId) {
			/** @type {string[]} */ (calls.buffers).push(fileId);
			const file = get(fileId);
			return file.bytes ?? Buffer.alloc(file.size ?? 0);
		},
		/** @param {string} fileId */
		async getAsStream(fileId) {
			/** @type {string[]} */ (calls.streams).push(fileId);
			const file = get(fileId);
			if (file.bytes) {
				calls.streamed += file.bytes.length;
				return streamOf([file.bytes]);
			}
			const made = lazyStream(file.size ?? 0);
			const before = calls.streamed;
			made.stream.on('data', () => (calls.streamed = before + made.produced()));
			return made.stream;
		},
		/** @param {string} fileId */
		async getMetadata(fileId) {
			/** @type {string[]} */ (calls.metadata).push(fileId);
			const file = get(fileId);
			if (file.metadataSize === undefined) throw new Error('no metadata');
			return { fileSize: file.metadataSize, mimeType: 'video/mp4', fileName: `${fileId}.mp4` };
		},
	};
	const { Container } = fromCore('@n8n/di');
	const { BinaryDataService } = require('n8n-core');
	Container.get(BinaryDataService).setManager(mode, manager);
	return {
		calls,
		/** @param {string} fileId @param {StoredFile} file */
		put(fileId, file) {
			files.set(fileId, file);
			return {
				id: `${mode}:${fileId}`,
				data: mode,
				mimeType: 'video/mp4',
				fileName: `${fileId}.mp4`,
			};
		},
		reset() {
			files.clear();
			calls.buffers = [];
			calls.streams = [];
			calls.metadata = [];
			calls.streamed = 0;
		},
	};
}

module.exports = { startBinaryStore };
