import type { ModelSpec, PixelLimits } from '../../catalog/types';
import { sniffImageFormat } from '../bytes/files';
import { imagePixelSize } from '../bytes/imageSize';
import { parseHttpUrl } from '../trust/hosts';
import type { Problem } from './validate';

/** Where one input image comes from, as the user configured it. */
export interface ImageSource {
	source: 'binary' | 'url';
	binaryPropertyName?: string;
	url?: string;
}

/** BFL's documented limit for one base64 image string. */
export const MAX_BASE64_IMAGE_BYTES = 20 * 1024 * 1024;

/** Which slots and how many: the labels of a model's images, for hints and messages. */
export function describeImageSlots(spec: ModelSpec): string {
	const images = spec.images;
	if (!images) return 'no input images';
	return images.labels
		.map((label, i) => `${i + 1}. ${label}${i >= images.required ? ' (optional)' : ''}`)
		.join(', ');
}

/** Checks the list of images against the model before anything is read or sent. */
export function checkImageSources(spec: ModelSpec, sources: ImageSource[]): Problem[] {
	const images = spec.images;
	if (!images) return [];
	const field = 'Input Images';
	if (sources.length > images.slots.length) {
		return [
			{
				field,
				message: `Too many input images: ${spec.displayName} takes at most ${images.slots.length} (${describeImageSlots(spec)}), got ${sources.length}`,
			},
		];
	}
	if (sources.length < images.required) {
		return [
			{
				field,
				message: `${spec.displayName} needs ${images.required} input image${images.required > 1 ? 's' : ''} (${describeImageSlots(spec)}), got ${sources.length}`,
			},
		];
	}
	const problems: Problem[] = [];
	sources.forEach((source, i) => {
		const label = images.labels[i];
		if (source.source === 'url') {
			// A URL where BFL takes base64 only is downloaded by the node (transport/inputUrl).
			if (!parseHttpUrl(source.url?.trim())) {
				problems.push({
					field,
					message: `The URL of ${label} must be an http(s) URL (got "${source.url ?? ''}")`,
				});
			}
		} else if (!source.binaryPropertyName?.trim()) {
			problems.push({ field, message: `Name the binary field that holds ${label}` });
		}
	});
	return problems;
}

/** The mask's own checks: a model that takes one, an image it applies to, room beside it. */
export function checkMaskSource(
	spec: ModelSpec,
	mask: ImageSource | undefined,
	imageCount: number,
): Problem[] {
	const images = spec.images;
	const rule = images?.mask;
	if (!mask || !images || !rule) return [];
	const field = 'Mask';
	if (imageCount < 1)
		return [{ field, message: `A mask applies to the first input image: add that image` }];
	if (imageCount > rule.maxImagesWithMask)
		return [
			{
				field,
				message: `${spec.displayName} takes at most ${rule.maxImagesWithMask} input images with a mask (got ${imageCount})`,
			},
		];
	return checkImageSources({ ...spec, images: { ...images, labels: ['Mask'], required: 1 } }, [
		mask,
	]).map((problem) => ({ ...problem, field }));
}

/** Why an image's pixel size is outside the model's limits, or undefined. */
function pixelProblem(bytes: Uint8Array, limits: PixelLimits): string | undefined {
	const size = imagePixelSize(bytes);
	if (!size) return undefined;
	const { width, height } = size;
	if (width < limits.minSide || height < limits.minSide)
		return `is ${width}×${height} pixels; this model needs at least ${limits.minSide}×${limits.minSide}`;
	if (width * height > limits.maxMegapixels * 1024 * 1024)
		return `is ${width}×${height} pixels (${((width * height) / 1048576).toFixed(1)} MP); this model takes at most ${limits.maxMegapixels} MP`;
	return undefined;
}

/** Checks bytes read from a binary field; returns a problem when they are not a usable image. */
export function checkImageBytes(
	label: string,
	property: string,
	bytes: Uint8Array,
	mimeType?: string,
	limits?: PixelLimits,
): string | undefined {
	if (!sniffImageFormat(bytes)) {
		return `The binary field "${property}" used as ${label} is not a PNG, JPEG or WebP image${mimeType ? ` (it is ${mimeType})` : ''}`;
	}
	if (Math.ceil(bytes.length / 3) * 4 > MAX_BASE64_IMAGE_BYTES)
		return imageTooLarge(label, property, bytes.length);
	const pixels = limits && pixelProblem(bytes, limits);
	return pixels ? `The binary field "${property}" used as ${label} ${pixels}` : undefined;
}

/** The largest input image whose base64 stays within BFL's 20 MB; a read stops past it. */
export const MAX_INPUT_IMAGE_BYTES = Math.floor((MAX_BASE64_IMAGE_BYTES * 3) / 4);

/** An input image over BFL's limit; `bytes` is unknown when the read stopped at the limit. */
export function imageTooLarge(label: string, property: string, bytes?: number): string {
	const megabytes = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
	const size = bytes === undefined ? `over ${megabytes(MAX_INPUT_IMAGE_BYTES)}` : megabytes(bytes);
	return `The binary field "${property}" used as ${label} is ${size}; BFL accepts images up to about 15 MB (20 MB as base64)`;
}
