/** Reads the entry names and bytes of a stored (uncompressed) ZIP, through its central directory. */
export function zipEntries(zip: Buffer): Array<{ name: string; data: Buffer; crc: number }> {
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (end < 0) throw new Error('no end of central directory');
	const count = zip.readUInt16LE(end + 10);
	let at = zip.readUInt32LE(end + 16);
	const entries: Array<{ name: string; data: Buffer; crc: number }> = [];
	for (let i = 0; i < count; i++) {
		if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
		const method = zip.readUInt16LE(at + 10);
		const crc = zip.readUInt32LE(at + 16);
		const size = zip.readUInt32LE(at + 20);
		const nameLength = zip.readUInt16LE(at + 28);
		const extra = zip.readUInt16LE(at + 30);
		const comment = zip.readUInt16LE(at + 32);
		const local = zip.readUInt32LE(at + 42);
		const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
		if (method !== 0) throw new Error(`entry ${name} is compressed`);
		const localName = zip.readUInt16LE(local + 26);
		const localExtra = zip.readUInt16LE(local + 28);
		const start = local + 30 + localName + localExtra;
		entries.push({ name, data: zip.subarray(start, start + size), crc });
		at += 46 + nameLength + extra + comment;
	}
	return entries;
}
