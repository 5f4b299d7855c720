// @ts-check
'use strict';

/**
 * What BFL's OpenAPI document does not say about an endpoint: its price, its product limits and
 * when it reports its cost. The request schema and the default output format come from the document (endpoints.js); an
 * endpoint the document lacks names a hand schema from handSchemas.js. An endpoint the document
 * has and this file does not is still served, with the defaults of endpoints.js.
 *
 * @typedef {'flux2' | 'flux1' | 'tools' | 'flux3' | 'video' | 'generic'} ModelFamily
 * @typedef {object} ModelInfo
 * @property {string} [schema] a hand schema name from handSchemas.js, for endpoints the OpenAPI copy lacks
 * @property {ModelFamily} family flux2, tools and generic report cost on submit; flux1, flux3 and video on the Ready result
 * @property {number} [maxRefs] how many input_image* fields the product accepts
 * @property {boolean} [finetuned] needs an existing finetune_id (or a shared "org-id/name" LoRA)
 * @property {Record<string, string>} [tagAliases] other spellings BFL accepts for a union's tag (flux-3-video's mode)
 * @property {(body: Record<string, any>) => { cost: number, inputMp: number, outputMp: number }} price
 */

const DEFAULT_MP = 1.05; // 1024x1024

/** @param {number} n */
const round2 = (n) => Math.round(n * 100) / 100;

/** @param {Record<string, any>} body */
function referenceCount(body) {
	return Object.keys(body).filter((k) => /^input_image(_\d+)?$/.test(k) && body[k] != null).length;
}

/**
 * FLUX.2 per-megapixel pricing (API-NOTES §8.5), in credits: first MP, then per extra output MP and per input MP.
 * @param {number} firstMp
 * @param {number} perMp
 */
function megapixelPrice(firstMp, perMp) {
	/** @param {Record<string, any>} body */
	return (body) => {
		const outputMp =
			body.width && body.height ? round2((body.width * body.height) / 1e6) : DEFAULT_MP;
		const inputMp = round2(referenceCount(body) * DEFAULT_MP);
		const cost = round2(firstMp + Math.max(0, outputMp - 1) * perMp + inputMp * perMp);
		return { cost, inputMp, outputMp };
	};
}

/**
 * @param {number} cost
 * @param {number} [inputMp]
 */
function flatPrice(cost, inputMp = DEFAULT_MP) {
	return () => ({ cost, inputMp, outputMp: DEFAULT_MP });
}

/** @param {Record<string, any>} body */
function outpaintingPrice(body) {
	const outputMp = round2(((body.width || 1024) * (body.height || 1024)) / 1e6);
	return { cost: round2(4.5 * Math.max(1, outputMp)), inputMp: DEFAULT_MP, outputMp };
}

/** @type {Record<string, ModelInfo>} */
const MODELS = {};

/**
 * @param {string[]} names
 * @param {ModelInfo} info
 */
function define(names, info) {
	for (const name of names) MODELS[name] = info;
}

const kleinSmall = megapixelPrice(1.4, 0.1);
const kleinLarge = megapixelPrice(1.5, 0.2);

define(['flux-2-pro', 'flux-2-pro-preview'], {
	family: 'flux2',
	maxRefs: 8,
	price: megapixelPrice(3, 1.5),
});
define(['flux-2-max'], {
	family: 'flux2',
	maxRefs: 8,
	price: megapixelPrice(7, 3),
});
define(['flux-2-flex'], {
	family: 'flux2',
	maxRefs: 8,
	price: megapixelPrice(5, 5),
});
define(['flux-2-klein-4b'], {
	family: 'flux2',
	maxRefs: 4,
	price: kleinSmall,
});
define(['flux-2-klein-9b', 'flux-2-klein-9b-preview'], {
	family: 'flux2',
	maxRefs: 4,
	price: kleinLarge,
});
define(['flux-2-klein-4b-finetuned', 'flux-2-klein-base-4b-finetuned'], {
	schema: 'KleinFinetunedInputs',
	family: 'flux2',
	maxRefs: 4,
	finetuned: true,
	price: kleinSmall,
});
define([
	'flux-2-klein-9b-finetuned',
	'flux-2-klein-9b-kv-finetuned',
	'flux-2-klein-9b-kv-bf16-finetuned',
	'flux-2-klein-base-9b-finetuned',
], {
	schema: 'KleinFinetunedInputs',
	family: 'flux2',
	maxRefs: 4,
	finetuned: true,
	price: kleinLarge,
});
define(['flux-pro-1.1'], {
	family: 'flux1',
	price: flatPrice(4),
});
define(['flux-pro-1.1-ultra'], {
	family: 'flux1',
	price: flatPrice(6),
});
define(['flux-dev'], {
	family: 'flux1',
	price: flatPrice(2.5),
});
define(['flux-kontext-pro'], {
	family: 'flux1',
	maxRefs: 4,
	price: flatPrice(4),
});
define(['flux-kontext-max'], {
	family: 'flux1',
	maxRefs: 4,
	price: flatPrice(8),
});
define(['flux-pro-1.0-fill'], {
	family: 'flux1',
	price: flatPrice(5),
});
define(['flux-pro-1.0-expand'], {
	family: 'flux1',
	price: flatPrice(5),
});
define(['flux-pro-1.1-ultra-finetuned'], {
	family: 'flux1',
	finetuned: true,
	price: flatPrice(7),
});
define(['flux-pro-1.0-fill-finetuned'], {
	family: 'flux1',
	finetuned: true,
	price: flatPrice(6),
});
define(['flux-tools/outpainting-v1'], {
	family: 'tools',
	price: outpaintingPrice,
});
define(['flux-tools/erase-v1'], {
	family: 'tools',
	price: flatPrice(3),
});
define(['flux-tools/deblur-v1'], {
	family: 'tools',
	price: flatPrice(3),
});
/**
 * FLUX 3 Image: price per resolution tier (API-NOTES §3.15, in credits), whatever the ratio.
 * @param {Record<string, any>} body
 */
function flux3Price(body) {
	const tiers = /** @type {Record<string, [number, number]>} */ ({
		'768sq': [4.1, 0.59],
		'1k': [4.8, 1.05],
		'1.5k': [7, 2.36],
		'2k': [10, 4.19],
		'4k': [60.7, 16.78],
	});
	const [cost, outputMp] = tiers[body.resolution || '1k'];
	const inputs = body.images == null ? 0 : Array.isArray(body.images) ? body.images.length : 1;
	return { cost, inputMp: round2(inputs * DEFAULT_MP), outputMp };
}

define(['flux-3-image'], {
	family: 'flux3',
	price: flux3Price,
});
/**
 * FLUX 3.1 Image: resellers' prices by resolution and mode (API-NOTES §3.18, in credits).
 * @param {Record<string, any>} body
 */
function flux31Price(body) {
	const tiers = /** @type {Record<string, Record<string, number>>} */ ({
		quality: { '1k': 3, '2k': 6, '4k': 28 },
		fast: { '1k': 1.5, '2k': 4, '4k': 11 },
	});
	const cost = tiers[body.mode || 'quality'][body.resolution || '1k'];
	return { ...flux3Price({ ...body, resolution: body.resolution || '1k' }), cost };
}

/**
 * FLUX 3 Image Klein: resellers' prices per tier (API-NOTES §3.17, in credits).
 * @param {Record<string, any>} body
 */
function kleinPrice(body) {
	const tiers = /** @type {Record<string, number>} */ ({
		'768sq': 0.9,
		'1k': 0.9,
		'1.5k': 1.4,
		'2k': 1.4,
		'4k': 3.6,
	});
	const resolution = body.resolution || '1k';
	return { ...flux3Price({ ...body, resolution }), cost: tiers[resolution] };
}

define(['flux-3.1-image'], { schema: 'Flux31ImageInputs', family: 'flux3', price: flux31Price });
define(['flux-3-image-klein'], { schema: 'Flux3KleinInputs', family: 'flux3', price: kleinPrice });
define(['flux-tools/vto-v1', 'flux-tools/vto-v2'], {
	family: 'tools',
	price: flatPrice(4.75, 2 * DEFAULT_MP),
});

/** Video credits per second of output (API-NOTES §3.14, $0.01 = 1 credit); drafts cost the same at any resolution. */
const VIDEO_PER_SECOND = { hd: 17, fhd: 29, qhd: 40, uhd: 80, draft: 6 };
/** Seconds billed when the duration is `auto` and nothing pins it: the shortest clip. */
const AUTO_SECONDS = 5;

/**
 * Seconds a video request renders: the duration asked for, else the last keyframe pair's second
 * rounded up, else the shortest clip.
 * @param {Record<string, any>} body
 */
function videoSeconds(body) {
	if (Number.isInteger(body.duration)) return body.duration;
	const frames = Array.isArray(body.keyframes) ? body.keyframes : [];
	const last = frames[frames.length - 1];
	if (Array.isArray(last) && typeof last[0] === 'number')
		return Math.min(20, Math.max(AUTO_SECONDS, Math.ceil(last[0])));
	return AUTO_SECONDS;
}

/** @param {Record<string, any>} body */
function videoPrice(body) {
	const tier = body.draft
		? 'draft'
		: body.resolution || (body.mode === 'draft_enhance' ? 'fhd' : 'hd');
	const perSecond = VIDEO_PER_SECOND[/** @type {keyof typeof VIDEO_PER_SECOND} */ (tier)];
	return { cost: round2(perSecond * videoSeconds(body)), inputMp: 0, outputMp: 0 };
}

define(['flux-3-video'], {
	family: 'video',
	tagAliases: {
		'text-to-video': 't2v',
		'image-continuation': 'i2v',
		'video-continuation': 'v2v',
		'draft-enhance': 'draft_enhance',
	},
	price: videoPrice,
});
define(['flux-tools/video-edit-v1'], {
	family: 'video',
	price: () => ({ cost: VIDEO_PER_SECOND.hd * AUTO_SECONDS, inputMp: 0, outputMp: 0 }),
});
define(['flux-tools/video-upscale-v1'], {
	family: 'video',
	price: (body) => ({
		cost: round2(10 * (body.upscale_factor || 2) * AUTO_SECONDS),
		inputMp: 0,
		outputMp: 0,
	}),
});

module.exports = { MODELS, VIDEO_PER_SECOND, videoSeconds };
