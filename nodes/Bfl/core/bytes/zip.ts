/**
 * A minimal ZIP writer (stored entries, no compression) for finetune training sets. Images are
 * already compressed, and n8n's lint forbids node:zlib in nodes, so "stored" costs nothing real.
 */

export interface ZipEntry {
	name: string;
	data: Uint8Array;
}

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(data: Uint8Array): number {
	let crc = 0xffffffff;
	for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date fields for 1980-01-01 00:00, so equal inputs give byte-equal archives. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

/** Little-endian fields of a ZIP record: [value, byte width]. */
type Field = readonly [number, 2 | 4];

function pack(fields: readonly Field[]): Buffer {
	const buffer = Buffer.alloc(fields.reduce((size, [, bytes]) => size + bytes, 0));
	let offset = 0;
	for (const [value, bytes] of fields) {
		offset =
			bytes === 2 ? buffer.writeUInt16LE(value, offset) : buffer.writeUInt32LE(value >>> 0, offset);
	}
	return buffer;
}

/** Version needed (2.0), flags (UTF-8 names), method (stored), time, date, CRC, sizes, name length. */
function commonFields(crc: number, size: number, nameLength: number): Field[] {
	return [
		[20, 2],
		[UTF8_NAMES, 2],
		[0, 2],
		[DOS_TIME, 2],
		[DOS_DATE, 2],
		[crc, 4],
		[size, 4],
		[size, 4],
		[nameLength, 2],
	];
}

/** Builds a ZIP archive; names must be unique. */
export function createZip(entries: ZipEntry[]): Buffer {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const common = commonFields(crc32(entry.data), entry.data.length, name.length);
		// Local header: signature, common fields, extra length.
		parts.push(pack([[0x04034b50, 4], ...common, [0, 2]]), name, Buffer.from(entry.data));
		// Central record: signature, version made by, common fields, extra, comment, disk, attributes, offset.
		central.push(
			pack([
				[0x02014b50, 4],
				[20, 2],
				...common,
				[0, 2],
				[0, 2],
				[0, 2],
				[0, 2],
				[0, 4],
				[offset, 4],
			]),
			name,
		);
		offset += 30 + name.length + entry.data.length;
	}
	const directory = Buffer.concat(central);
	const end = pack([
		[0x06054b50, 4],
		[0, 2],
		[0, 2],
		[entries.length, 2],
		[entries.length, 2],
		[directory.length, 4],
		[offset, 4],
		[0, 2],
	]);
	return Buffer.concat([...parts, directory, end]);
}
/** True when the bytes start like a ZIP archive (local file header or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
	return (
		bytes.length >= 4 &&
		bytes[0] === 0x50 &&
		bytes[1] === 0x4b &&
		(bytes[2] === 0x03 || bytes[2] === 0x05)
	);
}
