import { findModel } from '../../nodes/Bfl/catalog/models';
import type { ImageInputs, ModelSpec } from '../../nodes/Bfl/catalog/types';
import {
	MAX_BASE64_IMAGE_BYTES,
	checkImageBytes,
	checkImageSources,
	describeImageSlots,
} from '../../nodes/Bfl/core/request/images';

/** A model with the given image inputs; the rest of the spec does not matter here. */
function modelWith(images: ImageInputs | undefined): ModelSpec {
	const base = findModel('edit', 'flux-2-pro');
	if (!base) throw new Error('flux-2-pro is missing from the edit catalog');
	return { ...base, displayName: 'Test Model', images };
}

const TWO_SLOTS = modelWith({
	slots: ['image', 'mask'],
	labels: ['Image', 'Mask'],
	required: 1,
	urlAllowed: true,
});
const BINARY_ONLY = modelWith({
	slots: ['image'],
	labels: ['Image'],
	required: 1,
	urlAllowed: false,
});
const NO_IMAGES = modelWith(undefined);

const binary = (binaryPropertyName: string) => ({ source: 'binary' as const, binaryPropertyName });
const url = (value: string) => ({ source: 'url' as const, url: value });

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe('describeImageSlots', () => {
	it('numbers the labels and marks the ones past the required count as optional', () => {
		expect(describeImageSlots(TWO_SLOTS)).toBe('1. Image, 2. Mask (optional)');
	});

	it('says so when a model takes no images', () => {
		expect(describeImageSlots(NO_IMAGES)).toBe('no input images');
	});
});

describe('checkImageSources', () => {
	it('accepts the required images from binary fields and http(s) URLs', () => {
		expect(checkImageSources(TWO_SLOTS, [binary('data')])).toEqual([]);
		expect(
			checkImageSources(TWO_SLOTS, [url('https://example.com/a.png'), binary('mask')]),
		).toEqual([]);
	});

	it('has nothing to check for a model without images', () => {
		expect(checkImageSources(NO_IMAGES, [binary('data'), binary('more')])).toEqual([]);
	});

	it('names the slots when there are too many or too few images', () => {
		expect(checkImageSources(TWO_SLOTS, [binary('a'), binary('b'), binary('c')])).toEqual([
			{
				field: 'Input Images',
				message:
					'Too many input images: Test Model takes at most 2 (1. Image, 2. Mask (optional)), got 3',
			},
		]);
		expect(checkImageSources(TWO_SLOTS, [])).toEqual([
			{
				field: 'Input Images',
				message: 'Test Model needs 1 input image (1. Image, 2. Mask (optional)), got 0',
			},
		]);
	});

	it('accepts a URL where the endpoint takes base64 only: the node downloads it itself', () => {
		expect(checkImageSources(BINARY_ONLY, [url('https://example.com/a.png')])).toEqual([]);
	});

	it.each(['ftp://example.com/a.png', 'example.com/a.png', '', '   '])(
		'rejects the URL "%s" as not http(s)',
		(value) => {
			expect(checkImageSources(TWO_SLOTS, [url(value)])).toEqual([
				{
					field: 'Input Images',
					message: `The URL of Image must be an http(s) URL (got "${value}")`,
				},
			]);
		},
	);

	it('accepts a URL with surrounding spaces, as an expression may produce', () => {
		expect(checkImageSources(TWO_SLOTS, [url('  https://example.com/a.png ')])).toEqual([]);
	});

	it('asks for the binary field name when it is empty, one problem per image', () => {
		expect(checkImageSources(TWO_SLOTS, [binary(' '), binary('')])).toEqual([
			{ field: 'Input Images', message: 'Name the binary field that holds Image' },
			{ field: 'Input Images', message: 'Name the binary field that holds Mask' },
		]);
	});
});

describe('checkImageBytes', () => {
	it('accepts PNG and JPEG bytes', () => {
		expect(checkImageBytes('Image', 'data', PNG, 'image/png')).toBeUndefined();
		expect(checkImageBytes('Image', 'data', JPEG)).toBeUndefined();
	});

	it('names the field, the slot and the MIME type of bytes that are not an image', () => {
		expect(checkImageBytes('Mask', 'doc', Buffer.from('%PDF-1.7'), 'application/pdf')).toBe(
			'The binary field "doc" used as Mask is not a PNG, JPEG or WebP image (it is application/pdf)',
		);
		expect(checkImageBytes('Mask', 'doc', Buffer.from('hello'))).toBe(
			'The binary field "doc" used as Mask is not a PNG, JPEG or WebP image',
		);
	});

	it('rejects an image whose base64 form would exceed the BFL limit, and accepts one at the limit', () => {
		const atLimit = (MAX_BASE64_IMAGE_BYTES / 4) * 3;
		const fits = new Uint8Array(atLimit);
		fits.set(PNG);
		expect(checkImageBytes('Image', 'big', fits)).toBeUndefined();
		const tooBig = new Uint8Array(atLimit + 1);
		tooBig.set(PNG);
		expect(checkImageBytes('Image', 'big', tooBig)).toBe(
			'The binary field "big" used as Image is 15.0 MB; BFL accepts images up to about 15 MB (20 MB as base64)',
		);
	});
});
