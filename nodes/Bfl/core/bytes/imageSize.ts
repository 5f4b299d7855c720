/** Pixel size of a PNG, JPEG or WebP, read from its header without decoding the image. */

export interface PixelSize {
	width: number;
	height: number;
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
	String.fromCharCode(...bytes.subarray(from, to));
const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 65536 + u16be(b, at + 2);

function pngSize(b: Uint8Array): PixelSize | undefined {
	if (b.length < 24 || ascii(b, 12, 16) !== 'IHDR') return undefined;
	return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** The first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC) holds the size. */
function jpegSize(b: Uint8Array): PixelSize | undefined {
	let at = 2;
	while (at + 9 < b.length) {
		if (b[at] !== 0xff) return undefined;
		const marker = b[at + 1];
		if (marker === 0xff) {
			at++;
			continue;
		}
		const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
		if (isFrame) return { width: u16be(b, at + 7), height: u16be(b, at + 5) };
		const standalone = marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);
		at += standalone ? 2 : 2 + u16be(b, at + 2);
	}
	return undefined;
}

function webpSize(b: Uint8Array): PixelSize | undefined {
	if (b.length < 30) return undefined;
	switch (ascii(b, 12, 16)) {
		case 'VP8 ':
			return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
		case 'VP8L': {
			const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
			return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
		}
		case 'VP8X':
			return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
		default:
			return undefined;
	}
}

/** Width and height of an image's bytes; undefined for another format or a header cut short. */
export function imagePixelSize(bytes: Uint8Array): PixelSize | undefined {
	if (ascii(bytes, 1, 4) === 'PNG') return pngSize(bytes);
	if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return webpSize(bytes);
	return undefined;
}
