import { imagePixelSize } from '../../nodes/Bfl/core/bytes/imageSize';
import { checkImageBytes } from '../../nodes/Bfl/core/request/images';
import { buildImage } from '../fake-bfl/images';

const LIMITS = { minSide: 256, maxMegapixels: 16 };

describe('pixel size from an image header', () => {
	it.each(['png', 'jpeg', 'webp'] as const)('reads %s as the simulator encodes it', (format) => {
		const bytes = buildImage(format, 'size', 0, { width: 80, height: 48 });
		expect(imagePixelSize(bytes)).toEqual({ width: 80, height: 48 });
	});

	it('reads lossy WebP (VP8) and extended WebP (VP8X) headers', () => {
		const vp8 = Buffer.alloc(30);
		vp8.write('RIFF', 0, 'latin1');
		vp8.write('WEBPVP8 ', 8, 'latin1');
		vp8.writeUInt16LE(640, 26);
		vp8.writeUInt16LE(480, 28);
		expect(imagePixelSize(vp8)).toEqual({ width: 640, height: 480 });
		const vp8x = Buffer.alloc(30);
		vp8x.write('RIFF', 0, 'latin1');
		vp8x.write('WEBPVP8X', 8, 'latin1');
		vp8x.writeUIntLE(4999, 24, 3);
		vp8x.writeUIntLE(2999, 27, 3);
		expect(imagePixelSize(vp8x)).toEqual({ width: 5000, height: 3000 });
	});

	it('gives up on unknown or truncated bytes', () => {
		expect(imagePixelSize(Buffer.from('GIF89a........'))).toBeUndefined();
		expect(imagePixelSize(buildImage('png', 'cut').subarray(0, 20))).toBeUndefined();
		expect(imagePixelSize(buildImage('jpeg', 'cut').subarray(0, 40))).toBeUndefined();
	});
});

describe('reference images outside a model’s pixel limits', () => {
	const check = (side: number) =>
		checkImageBytes(
			'Reference Image 1',
			'data',
			buildImage('png', 'x', 0, { width: side, height: 256 }),
			undefined,
			LIMITS,
		);

	it('accepts 256×256 and refuses a side of 255', () => {
		expect(check(256)).toBeUndefined();
		expect(check(255)).toBe(
			'The binary field "data" used as Reference Image 1 is 255×256 pixels; this model needs at least 256×256',
		);
	});

	it('has no limits unless the row gives them', () => {
		expect(checkImageBytes('Image', 'data', buildImage('png', 'small'))).toBeUndefined();
	});
});
