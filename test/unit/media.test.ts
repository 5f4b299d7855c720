import { base64ByteLength, mediaFileName, sniffMedia } from '../../nodes/Bfl/core/bytes/media';
import { buildImage } from '../fake-bfl/images';

describe('sniffMedia', () => {
	it.each([
		['jpeg', 'image/jpeg', 'jpg'],
		['png', 'image/png', 'png'],
		['webp', 'image/webp', 'webp'],
	] as const)('knows a real %s by its bytes', (format, mimeType, extension) => {
		const bytes = buildImage(format, 'unit', 0);
		expect(sniffMedia(bytes)).toEqual({ kind: 'image', format, mimeType, extension });
	});

	it('knows GIF', () => {
		expect(sniffMedia(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00'))?.mimeType).toBe(
			'image/gif',
		);
	});

	it.each([
		['HTML', Buffer.from('<!doctype html><html>')],
		['JSON', Buffer.from('{"detail":"expired"}')],
		['empty', Buffer.alloc(0)],
		['zeros', Buffer.alloc(64)],
		['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
		['a JPEG cut before the sniff length', buildImage('jpeg', 'unit', 0).subarray(0, 4)],
		['RIFF that is not WebP', Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt ')],
	])('refuses %s', (_, bytes) => {
		expect(sniffMedia(bytes)).toBeUndefined();
	});

	it('names files from the sniffed type and a safe id', () => {
		const png = sniffMedia(buildImage('png', 'unit', 0))!;
		expect(mediaFileName('a/b:c', png)).toBe('a_b_c.png');
		expect(mediaFileName('../../etc', png)).toBe('.._.._etc.png');
		expect(mediaFileName('', png)).toBe('result.png');
	});
});

describe('base64ByteLength', () => {
	it.each([0, 1, 2, 3, 4, 5, 1000, 1001, 1002])('gives the decoded size of %i bytes', (n) => {
		const text = Buffer.alloc(n, 7).toString('base64');
		expect(base64ByteLength(text)).toBe(n);
		expect(base64ByteLength(text.replace(/(.{76})/g, '$1\n'))).toBe(n);
	});
});
