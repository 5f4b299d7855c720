import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ModelSpec } from '../catalog/types';
import type { ImageSource } from '../core/request/images';

const IMAGE_VALUES: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Binary Field',
				value: 'binary',
				description: 'An image in a binary field of the input item',
			},
			{
				name: 'URL',
				value: 'url',
				description:
					'A public http(s) URL. BFL downloads it, or the node does for fields BFL takes as base64 only.',
			},
		],
		default: 'binary',
	},
	{
		displayName: 'Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'The name of the binary field of the input item that holds the image',
		displayOptions: { show: { source: ['binary'] } },
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/photo.jpg',
		displayOptions: { show: { source: ['url'] } },
	},
];

/**
 * One short sentence for the notice: "FLUX.2 [pro] takes 1–8 reference images (binary fields or
 * URLs)." or "FLUX.1 Fill [pro] takes the image, then optionally the mask (binary fields or URLs)."
 */
export function imagesSentence(model: ModelSpec): string {
	const images = model.images;
	if (!images) return '';
	// Where BFL takes base64 only, the node downloads a URL itself (transport/inputUrl).
	const sources = 'binary fields or URLs';
	const max = images.labels.length;
	if (images.labels.every((label) => label.startsWith('Reference Image'))) {
		const count = images.required ? `${images.required}–${max}` : `up to ${max}`;
		return `${model.displayName} takes ${count} reference images (${sources}).`;
	}
	const parts = images.labels.map(
		(label, i) =>
			`${i < images.required || !images.required ? '' : 'optionally '}the ${label.toLowerCase()}`,
	);
	const verb = images.required ? 'takes' : 'optionally takes';
	return `${model.displayName} ${verb} ${parts.join(', then ')} (${sources}).`;
}

/**
 * The input images, in order, plus one notice per model saying what each position means.
 * With `withDefaultImage` the list starts with the binary field "data", as editing needs an image.
 */
export function inputImageProperties(
	models: readonly ModelSpec[],
	withDefaultImage: boolean,
): INodeProperties[] {
	const taking = models.filter((model) => model.images);
	if (!taking.length) return [];
	const notices: INodeProperties[] = taking.map((model) => ({
		displayName: imagesSentence(model),
		name: `imagesNotice_${model.id.replace(/[^a-z0-9]/gi, '_')}`,
		type: 'notice',
		default: '',
		displayOptions: { show: { model: [model.id] } },
	}));
	const list: INodeProperties = {
		displayName: 'Input Images',
		name: 'images',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Image',
		default: {},
		description: 'The images to send, in order',
		displayOptions: { show: { model: taking.map((model) => model.id) } },
		options: [{ displayName: 'Image', name: 'image', values: IMAGE_VALUES }],
	};
	if (withDefaultImage)
		list.default = { image: [{ source: 'binary', binaryPropertyName: 'data' }] };
	return [...notices, list];
}

/** The item's image list as configured (before anything is read). */
export function readImageSources(
	ctx: IExecuteFunctions,
	spec: ModelSpec,
	itemIndex: number,
): ImageSource[] {
	if (!spec.images) return [];
	const raw = ctx.getNodeParameter('images', itemIndex, {}) as IDataObject;
	const entries = (raw.image ?? []) as IDataObject[];
	return entries.map((entry) => ({
		source: entry.source === 'url' ? 'url' : 'binary',
		binaryPropertyName: (entry.binaryPropertyName as string | undefined) ?? 'data',
		url: entry.url as string | undefined,
	}));
}

/** The optional mask, for the models that take one beside their images (FLUX 3.1 Image). */
export function maskProperties(models: readonly ModelSpec[]): INodeProperties[] {
	const taking = models.filter((model) => model.images?.mask).map((model) => model.id);
	if (!taking.length) return [];
	return [
		{
			displayName: 'Mask',
			name: 'mask',
			type: 'fixedCollection',
			placeholder: 'Add Mask',
			default: {},
			description:
				'Optional black and white image of the size of the first input image: white where the model may change it',
			displayOptions: { show: { model: taking } },
			options: [{ displayName: 'Mask', name: 'mask', values: IMAGE_VALUES }],
		},
	];
}

/** The item's mask as configured, or undefined without one. */
export function readMaskSource(
	ctx: IExecuteFunctions,
	spec: ModelSpec,
	itemIndex: number,
): ImageSource | undefined {
	if (!spec.images?.mask) return undefined;
	const entry = (ctx.getNodeParameter('mask', itemIndex, {}) as IDataObject).mask as
		| IDataObject
		| undefined;
	if (!entry) return undefined;
	return {
		source: entry.source === 'url' ? 'url' : 'binary',
		binaryPropertyName: (entry.binaryPropertyName as string | undefined) ?? 'data',
		url: entry.url as string | undefined,
	};
}
