// @ts-check
'use strict';

const { sniffImage } = require('./index');
const { buildImage, imageParts } = require('./images');
const { checkPng, checkJpeg, checkWebp, imageDimensions } = require('./testHelpers');
const { requestedSize } = require('./picture');

const ID = '0b7c7f4e-8d1a-4c1e-9a43-2f0b5d6e7a81';
const checks = { png: checkPng, jpeg: checkJpeg, webp: checkWebp };

test('sniffImage recognises PNG, JPEG and WebP magic numbers and nothing else', () => {
	expect(sniffImage(buildImage('png', ID))).toBe('png');
	expect(sniffImage(buildImage('jpeg', ID))).toBe('jpeg');
	expect(sniffImage(buildImage('webp', ID))).toBe('webp');
	expect(sniffImage(Buffer.from('GIF89a.....'))).toBeNull();
	expect(sniffImage(Buffer.from('RIFF0000WAVE'))).toBeNull();
	expect(sniffImage(Buffer.alloc(0))).toBeNull();
});

describe.each(/** @type {const} */ (['png', 'jpeg', 'webp']))('%s pictures', (format) => {
	test.each([
		[1024, 768],
		[1000, 600],
		[17, 9],
	])('%d×%d: a valid file of exactly that size, padded or not', (width, height) => {
		for (const target of [0, 1024 * 1024]) {
			const image = buildImage(format, ID, target, { width, height });
			expect(imageDimensions(image)).toEqual({ width, height });
			checks[format](image);
		}
	});

	test('a real picture, not a flat colour or noise: the sky is darker at the top than at the horizon', () => {
		const { renderPicture } = require('./picture');
		const rgb = renderPicture(64, 64);
		const brightness = (/** @type {number} */ y) => rgb[y * 64 * 3] + rgb[y * 64 * 3 + 1];
		expect(brightness(0)).toBeLessThan(brightness(20));
		expect(brightness(20)).toBeLessThan(brightness(35));
	});
});

test('requestedSize: width × height, else about 1 MP in the aspect ratio, else 1024×1024', () => {
	expect(requestedSize({ width: 1024, height: 768 })).toEqual({ width: 1024, height: 768 });
	expect(requestedSize({ aspect_ratio: '16:9' })).toEqual({ width: 1360, height: 768 });
	expect(requestedSize({ aspect_ratio: '1:1' })).toEqual({ width: 1024, height: 1024 });
	expect(requestedSize({ prompt: 'x' })).toEqual({ width: 1024, height: 1024 });
	expect(requestedSize({ width: 'big', height: 768 })).toEqual({ width: 1024, height: 1024 });
});

describe.each(/** @type {const} */ (['png', 'jpeg', 'webp']))('%s', (format) => {
	test('natural size: a small valid file carrying the task id', () => {
		const image = buildImage(format, ID);
		expect(image.length).toBeLessThan(10000);
		expect(image.includes(ID)).toBe(true);
		checks[format](image);
	});

	test('different tasks get different bytes; the same task always the same bytes', () => {
		expect(buildImage(format, ID).equals(buildImage(format, ID))).toBe(true);
		expect(buildImage(format, ID).equals(buildImage(format, ID.replace('0b7c', 'ffff')))).toBe(
			false,
		);
	});

	test.each([10000, 65539, 65541, 300000, 1024 * 1024])(
		'padded to about %d bytes, still structurally valid',
		(size) => {
			const image = buildImage(format, ID, size);
			expect(Math.abs(image.length - size)).toBeLessThan(8);
			expect(sniffImage(image)).toBe(format);
			const structure = checks[format](image);
			if (format === 'png') expect(structure).toEqual(['IHDR', 'tEXt', 'bfPd', 'IDAT', 'IEND']);
			if (format === 'webp') expect(structure).toEqual(['VP8X', 'VP8L', 'bfli', 'bflp']);
			if (format === 'jpeg')
				expect(structure.filter((m) => m === 0xfe).length).toBeGreaterThanOrEqual(2);
		},
	);

	test('padding below the minimum chunk size is skipped rather than corrupting the file', () => {
		const natural = buildImage(format, ID).length;
		checks[format](buildImage(format, ID, natural + 3));
	});

	test('the big padding piece is shared between tasks (served without copying)', () => {
		const a = imageParts(format, ID, 1024 * 1024);
		const b = imageParts(format, ID.replace('0b7c', 'aaaa'), 1024 * 1024);
		const biggest = (/** @type {Buffer[]} */ parts) =>
			parts.reduce((x, y) => (y.length > x.length ? y : x));
		expect(biggest(a)).toBe(biggest(b));
	});
});
