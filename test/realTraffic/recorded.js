// @ts-check
/**
 * Answers of the live BFL API that public projects recorded, replayed by realTraffic.test.ts.
 * Each entry keeps the recorded method, URL, status, headers and body; only signatures (sig=) and
 * keys were redacted at the source or here. `source` says where it was recorded: repository,
 * path and commit where the code index shows them. `excerpt` marks a body the source quotes only
 * in part; the test then rebuilds the smallest body with the quoted fields, and says so.
 * Downloads were recorded without their bytes: the test serves a real JPEG in their place.
 */

/**
 * @typedef {{
 *   source: string,
 *   method: string,
 *   url: string,
 *   status: number,
 *   headers: Record<string, string>,
 *   body: unknown,
 *   excerpt?: true,
 * }} Recorded
 */

/** @type {Record<string, Recorded>} */
const RECORDED = {
	'maruel-submit-flux-2-max-cost-7.000000000000001': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-2-max/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-17 21:28Z, FLUX.2 [max] submit via api.bfl.ai; polling_url on api.eu4; cost float artefact 7.000000000000001; input_mp 0.0, output_mp 0.06.',
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-2-max',
		status: 200,
		headers: {
			'content-type': 'application/json',
		},
		body: {
			id: 'a2814211-296c-4353-87b7-97e9b0bb9c1f',
			polling_url: 'https://api.eu4.bfl.ai/v1/get_result?id=a2814211-296c-4353-87b7-97e9b0bb9c1f',
			cost: 7.000000000000001,
			input_mp: 0,
			output_mp: 0.06,
		},
	},
	'maruel-poll-flux-2-max-pending-progress-null': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-2-max/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-17, first of 172 Pending polls (all progress:null) on api.eu4; Retry-After 1/0 and X-Ratelimit-* (limit 1200, reset = epoch seconds with fraction) on every poll.',
		method: 'GET',
		url: 'https://api.eu4.bfl.ai/v1/get_result?id=a2814211-296c-4353-87b7-97e9b0bb9c1f',
		status: 200,
		headers: {
			'content-type': 'application/json',
			'retry-after': '1',
			'x-ratelimit-limit': '1200',
			'x-ratelimit-remaining': '1199',
			'x-ratelimit-reset': '1766006912.6701646',
		},
		body: {
			id: 'a2814211-296c-4353-87b7-97e9b0bb9c1f',
			status: 'Pending',
			result: null,
			progress: null,
			details: null,
			preview: null,
		},
	},
	'maruel-poll-flux-2-max-ready-no-end_time': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-2-max/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-17, FLUX.2 [max] Ready: result has start_time, prompt (UPSAMPLED, not the submitted prompt), seed, sample - NO end_time/duration, no cost on the poll body. Sample on bfldeliveryprodeu4.blob.core.windows.net, path results/2025/12/17/<hex>_sample.jpeg; se = blob creation + 10 min.',
		method: 'GET',
		url: 'https://api.eu4.bfl.ai/v1/get_result?id=a2814211-296c-4353-87b7-97e9b0bb9c1f',
		status: 200,
		headers: {
			'content-type': 'application/json',
			'retry-after': '1',
			'x-ratelimit-limit': '1200',
			'x-ratelimit-remaining': '1196',
			'x-ratelimit-reset': '1766006933.086077',
		},
		body: {
			id: 'a2814211-296c-4353-87b7-97e9b0bb9c1f',
			status: 'Ready',
			result: {
				start_time: 1766006910.213345,
				prompt:
					'Simple, vibrant, varied-colored doodle-style, hand-drawn sketch animation, square 1:1 aspect ratio, on a perfectly plain solid white background with no other background elements and absolutely no black areas, featuring a single cartoonish Shiba Inu centered in frame, full body visible with smooth rounded lines, light brown fur, white belly, white muzzle, and white-tipped paws, large expressive eyes, small triangular ears, and a friendly, happy expression. The Shiba Inu is sitting slightly angled toward the viewer, holding and happily eating a pink ice-cream cone with one paw, the ice cream a bright bubblegum pink with a simple waffle cone in light tan. Show subtle, smooth looping motion: the dog’s tail gently wagging side to side in a small arc and a tiny nibbling motion at the ice cream (slight movement of mouth and ice-cream tip), while absolutely everything else in the image remains still and unchanged between frames. Use clean, colorful lines and flat fills with no shading or gradients, ensuring the doodle is fully visible and well-centered against the white background, with no cropping, no borders, and no letterboxing of any kind.',
				seed: 42,
				sample:
					'https://bfldeliveryprodeu4.blob.core.windows.net/results/2025/12/17/9437f8d2396a4a718afbd6bbc85f722d_sample.jpeg?se=2025-12-17T21%3A38%3A50Z&sp=r&sv=2024-11-04&sr=b&rsct=image/jpeg&sig=REDACTED',
			},
			progress: null,
			details: null,
			preview: null,
		},
	},
	'maruel-download-flux-2-max-blob-eu4': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-2-max/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-17, GET of the signed sample URL straight from Azure Blob (Server: Windows-Azure-Blob), no auth header; image/jpeg 47103 bytes (C2PA/JUMBF metadata in the JPEG).',
		method: 'GET',
		url: 'https://bfldeliveryprodeu4.blob.core.windows.net/results/2025/12/17/9437f8d2396a4a718afbd6bbc85f722d_sample.jpeg?se=2025-12-17T21%3A38%3A50Z&sp=r&sv=2024-11-04&sr=b&rsct=image/jpeg&sig=REDACTED',
		status: 200,
		headers: {
			'content-type': 'image/jpeg',
			server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
		},
		body: null,
	},
	'maruel-submit-flux-2-pro-cost-3.0-eu2': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-2-pro/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-17 21:28Z, FLUX.2 [pro] submit; polling_url on api.eu2 (same client, same minute as the eu4 max run); cost 3.0.',
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-2-pro',
		status: 200,
		headers: {
			'content-type': 'application/json',
		},
		body: {
			id: '4c057b10-7efa-4c69-9ec8-cbbdfd56d918',
			polling_url: 'https://api.eu2.bfl.ai/v1/get_result?id=4c057b10-7efa-4c69-9ec8-cbbdfd56d918',
			cost: 3,
			input_mp: 0,
			output_mp: 0.06,
		},
	},
	'maruel-poll-flux-2-pro-ready-eu2-blob-eu4': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-2-pro/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-17, FLUX.2 [pro] Ready after 73 Pending polls on api.eu2, but sample is on bfldeliveryprodeu4 (poll region != delivery account). No end_time; upsampled prompt; seed 42.',
		method: 'GET',
		url: 'https://api.eu2.bfl.ai/v1/get_result?id=4c057b10-7efa-4c69-9ec8-cbbdfd56d918',
		status: 200,
		headers: {
			'content-type': 'application/json',
			'retry-after': '1',
			'x-ratelimit-limit': '1200',
			'x-ratelimit-remaining': '1197',
			'x-ratelimit-reset': '1766006943.1446583',
		},
		body: {
			id: '4c057b10-7efa-4c69-9ec8-cbbdfd56d918',
			status: 'Ready',
			result: {
				start_time: 1766006932.122257,
				prompt:
					'Simple, vibrant, hand-drawn doodle animation style, square 1:1 format, featuring a cartoonish shiba inu centered on a perfectly plain, solid white background. The shiba inu has warm brown fur, a soft white belly, white muzzle and chest, big expressive eyes, and small triangular ears. It is sitting in the middle of the frame, body fully visible with no cropping, holding a pink ice-cream cone in its front paws and happily eating it, mouth open in a joyful nibble. The ice-cream scoop is a bright pastel pink with a light tan cone, and small motion lines around the mouth and ice-cream suggest subtle repeated bites. The shiba’s curled tail, colored brown with a white tip, has a gentle, subtle wag shown through small curved motion lines, while the rest of the body remains still and stable. Use smooth, clean, doodle-like outlines and varied vibrant colors only on the shiba and the ice-cream, with no other background elements, no additional objects, and absolutely no black or colored background areas, no letterboxing or borders, just the colorful doodle clearly visible against a pure white background.',
				seed: 42,
				sample:
					'https://bfldeliveryprodeu4.blob.core.windows.net/results/2025/12/17/8da7da40786d48298478f765ea78c0dd_sample.jpeg?se=2025-12-17T21%3A39%3A00Z&sp=r&sv=2024-11-04&sr=b&rsct=image/jpeg&sig=REDACTED',
			},
			progress: null,
			details: null,
			preview: null,
		},
	},
	'maruel-submit-flux-dev-cost-null': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-dev/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-18 15:39Z, FLUX.1 [dev] submit: cost, input_mp, output_mp all null; polling_url api.eu4.',
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-dev',
		status: 200,
		headers: {
			'content-type': 'application/json',
		},
		body: {
			id: '4ca5b657-4b04-4afc-9c4b-7445c578d324',
			polling_url: 'https://api.eu4.bfl.ai/v1/get_result?id=4ca5b657-4b04-4afc-9c4b-7445c578d324',
			cost: null,
			input_mp: null,
			output_mp: null,
		},
	},
	'maruel-poll-flux-dev-pending-progress-0.1': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-dev/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-18, FLUX.1 [dev] Pending with numeric progress 0.1 (sequence 0.1,0.2,0.2,0.3 ... 1.0).',
		method: 'GET',
		url: 'https://api.eu4.bfl.ai/v1/get_result?id=4ca5b657-4b04-4afc-9c4b-7445c578d324',
		status: 200,
		headers: {
			'content-type': 'application/json',
			'retry-after': '1',
			'x-ratelimit-limit': '1200',
			'x-ratelimit-remaining': '1199',
			'x-ratelimit-reset': '1766072347.6372',
		},
		body: {
			id: '4ca5b657-4b04-4afc-9c4b-7445c578d324',
			status: 'Pending',
			result: null,
			progress: 0.1,
			details: null,
			preview: null,
		},
	},
	'maruel-poll-flux-dev-pending-progress-1.0': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-dev/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-18, Pending with progress 1.0 (stays Pending for 6 polls at 1.0).',
		method: 'GET',
		url: 'https://api.eu4.bfl.ai/v1/get_result?id=4ca5b657-4b04-4afc-9c4b-7445c578d324',
		status: 200,
		headers: {
			'content-type': 'application/json',
			'retry-after': '1',
			'x-ratelimit-limit': '1200',
			'x-ratelimit-remaining': '1196',
			'x-ratelimit-reset': '1766072349.0317514',
		},
		body: {
			id: '4ca5b657-4b04-4afc-9c4b-7445c578d324',
			status: 'Pending',
			result: null,
			progress: 1,
			details: null,
			preview: null,
		},
	},
	'maruel-poll-flux-dev-pending-progress-back-to-null': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-dev/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-18, after progress 1.0 the next Pending poll reports progress:null again (progress is not monotonic / not always present), then Ready.',
		method: 'GET',
		url: 'https://api.eu4.bfl.ai/v1/get_result?id=4ca5b657-4b04-4afc-9c4b-7445c578d324',
		status: 200,
		headers: {
			'content-type': 'application/json',
			'retry-after': '1',
			'x-ratelimit-limit': '1200',
			'x-ratelimit-remaining': '1199',
			'x-ratelimit-reset': '1766072349.723916',
		},
		body: {
			id: '4ca5b657-4b04-4afc-9c4b-7445c578d324',
			status: 'Pending',
			result: null,
			progress: null,
			details: null,
			preview: null,
		},
	},
	'maruel-poll-flux-dev-ready-with-end_time': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-dev/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-18, FLUX.1 [dev] Ready: result key order sample,prompt,seed,start_time,end_time,duration (end_time present, unlike FLUX.2). se=15:49:07Z = end_time (15:39:07.68Z) + 10 min. Sample on bfldeliveryprodeu4, path results/8e/<14hex>/<32hex>/sample.jpeg.',
		method: 'GET',
		url: 'https://api.eu4.bfl.ai/v1/get_result?id=4ca5b657-4b04-4afc-9c4b-7445c578d324',
		status: 200,
		headers: {
			'content-type': 'application/json',
			'retry-after': '1',
			'x-ratelimit-limit': '1200',
			'x-ratelimit-remaining': '1198',
			'x-ratelimit-reset': '1766072349.8474722',
		},
		body: {
			id: '4ca5b657-4b04-4afc-9c4b-7445c578d324',
			status: 'Ready',
			result: {
				sample:
					'https://bfldeliveryprodeu4.blob.core.windows.net/results/8e/3470338ce49379/8ce49379183c4d1eaf3900e161a9839e/sample.jpeg?se=2025-12-18T15%3A49%3A07Z&sp=r&sv=2024-11-04&sr=b&rsct=image/jpeg&sig=REDACTED',
				prompt:
					"Generate one square, white-background doodle with smooth, vibrantly colored image depicting A doodle animation on a white background of Cartoonish shiba inu with brown fur and a white belly, happily eating a pink ice-cream cone, subtle tail wag. Subtle motion but nothing else moves..\n\n*Mandatory Requirements (Compacted):**\n\n**Style:** Simple, vibrant, varied-colored doodle/hand-drawn sketch.\n**Background:** Plain solid white (no background colors/elements). Absolutely no black background.\n**Content & Motion:** Clearly depict **A doodle animation on a white background of Cartoonish shiba inu with brown fur and a white belly, happily eating a pink ice-cream cone, subtle tail wag. Subtle motion but nothing else moves.** action with colored, moving subject (no static images). If there's an action specified, it should be the main difference between frames.\n**Format:** Square image (1:1 aspect ratio).\n**Cropping:** Absolutely no black bars/letterboxing; colorful doodle fully visible against white.\n**Output:** Actual image file for a smooth, colorful doodle-style image on a white background.",
				seed: 42,
				start_time: 1766072345.188173,
				end_time: 1766072347.676069,
				duration: 2.487895965576172,
			},
			progress: null,
			details: null,
			preview: null,
		},
	},
	'maruel-download-flux-dev-blob-eu4': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/Scoreboard/flux-dev/GenDoc-Image.yaml @ 2489f7a840b6. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-18, blob download, Cache-Control max-age=1200, image/jpeg 36136 bytes.',
		method: 'GET',
		url: 'https://bfldeliveryprodeu4.blob.core.windows.net/results/8e/3470338ce49379/8ce49379183c4d1eaf3900e161a9839e/sample.jpeg?se=2025-12-18T15%3A49%3A07Z&sp=r&sv=2024-11-04&sr=b&rsct=image/jpeg&sig=REDACTED',
		status: 200,
		headers: {
			'cache-control': 'max-age=1200',
			'content-type': 'image/jpeg',
			server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
		},
		body: null,
	},
	'maruel-submit-flux-dev-eu2': {
		source:
			"maruel/genai providers/bfl/testdata/TestClient/GenAsync-Image.yaml @ 374ed4e0bb7d. go-vcr cassette recorded live (x-key stripped by recorder). 2025-12-17 (first version of this cassette), FLUX.1 [dev] submit answered with polling_url on api.eu2 (the next day's re-record got api.eu4: region varies per submit).",
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-dev',
		status: 200,
		headers: {
			'content-type': 'application/json',
		},
		body: {
			id: 'ea688cc7-2959-4c32-acdf-e66194a95c2c',
			polling_url: 'https://api.eu2.bfl.ai/v1/get_result?id=ea688cc7-2959-4c32-acdf-e66194a95c2c',
			cost: null,
			input_mp: null,
			output_mp: null,
		},
	},
	'maruel-error-403-bad-key': {
		source:
			"maruel/genai providers/bfl/testdata/TestClient/errors/bad_apiKey/GenSync.yaml @ ae451f7a582c. go-vcr cassette recorded live (x-key stripped by recorder). 2025-08-24, submit with an invalid x-key ('bad apiKey'): HTTP 403 (not 401), FastAPI detail string. Same body recorded 2025-06 and 2025-07.",
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-dev',
		status: 403,
		headers: {
			'content-type': 'application/json',
		},
		body: {
			detail: 'Not authenticated - Invalid Authentication',
		},
	},
	'maruel-error-404-unknown-endpoint': {
		source:
			'maruel/genai providers/bfl/testdata/TestClient/errors/bad_model/GenSync.yaml @ ae451f7a582c. go-vcr cassette recorded live (x-key stripped by recorder). 2025-08-24, POST /v1/bad%20model (unknown model path): 404 {"detail":"Not Found"}.',
		method: 'POST',
		url: 'https://api.bfl.ai/v1/bad%20model',
		status: 404,
		headers: {
			'content-type': 'application/json',
		},
		body: {
			detail: 'Not Found',
		},
	},
	'maruel-submit-2025-06-no-cost-fields-us1': {
		source:
			'maruel/genai bfl/testdata/TestClient_Scoreboard/text_image_flux-dev/GenSync/imagegen.yaml @ f8ba620a6def. go-vcr cassette recorded live (x-key stripped by recorder). 2025-06-03, FLUX.1 [dev] submit: body has ONLY id and polling_url (no cost/input_mp/output_mp keys yet); polling host api.us1.',
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-dev',
		status: 200,
		headers: {
			'content-type': 'application/json',
		},
		body: {
			id: 'ce8fe20c-547c-4475-8cf1-cc7adf74a779',
			polling_url: 'https://api.us1.bfl.ai/v1/get_result?id=ce8fe20c-547c-4475-8cf1-cc7adf74a779',
		},
	},
	'maruel-poll-2025-06-pending-no-preview-key': {
		source:
			"maruel/genai bfl/testdata/TestClient_Scoreboard/text_image_flux-dev/GenSync/imagegen.yaml @ f8ba620a6def. go-vcr cassette recorded live (x-key stripped by recorder). 2025-06-03, Pending poll WITHOUT the 'preview' key (added between 2025-06-06 and 2025-07-16); progress 0.2.",
		method: 'GET',
		url: 'https://api.us1.bfl.ai/v1/get_result?id=ce8fe20c-547c-4475-8cf1-cc7adf74a779',
		status: 200,
		headers: {
			'content-type': 'application/json',
			'retry-after': '1',
			'x-ratelimit-limit': '1200',
			'x-ratelimit-remaining': '1199',
			'x-ratelimit-reset': '1748957234.1498647',
		},
		body: {
			id: 'ce8fe20c-547c-4475-8cf1-cc7adf74a779',
			status: 'Pending',
			result: null,
			progress: 0.2,
			details: null,
		},
	},
	'maruel-poll-2025-06-ready-delivery-us1': {
		source:
			"maruel/genai bfl/testdata/TestClient_Scoreboard/text_image_flux-dev/GenSync/imagegen.yaml @ f8ba620a6def. go-vcr cassette recorded live (x-key stripped by recorder). 2025-06-03, Ready without 'preview' key; sample on delivery-us1.bfl.ai (Azure Front Door), se = end_time + 10 min (13:27:14.56Z -> 13:37:14Z).",
		method: 'GET',
		url: 'https://api.us1.bfl.ai/v1/get_result?id=ce8fe20c-547c-4475-8cf1-cc7adf74a779',
		status: 200,
		headers: {
			'content-type': 'application/json',
			'retry-after': '0',
			'x-ratelimit-limit': '1200',
			'x-ratelimit-remaining': '1198',
			'x-ratelimit-reset': '1748957236.0845397',
		},
		body: {
			id: 'ce8fe20c-547c-4475-8cf1-cc7adf74a779',
			status: 'Ready',
			result: {
				sample:
					'https://delivery-us1.bfl.ai/results/91/233988c3149e14/c3149e1447e54f558b11ec1530a4c9d5/sample.jpeg?se=2025-06-03T13%3A37%3A14Z&sp=r&sv=2024-11-04&sr=b&rsct=image/jpeg&sig=REDACTED',
				prompt:
					"Generate one square, white-background doodle with smooth, vibrantly colored image depicting A doodle animation on a white background of Cartoonish shiba inu with brown fur and a white belly, happily eating a pink ice-cream cone, subtle tail wag. Subtle motion but nothing else moves..\n\n*Mandatory Requirements (Compacted):**\n\n**Style:** Simple, vibrant, varied-colored doodle/hand-drawn sketch.\n**Background:** Plain solid white (no background colors/elements). Absolutely no black background.\n**Content & Motion:** Clearly depict **A doodle animation on a white background of Cartoonish shiba inu with brown fur and a white belly, happily eating a pink ice-cream cone, subtle tail wag. Subtle motion but nothing else moves.** action with colored, moving subject (no static images). If there's an action specified, it should be the main difference between frames.\n**Format:** Square image (1:1 aspect ratio).\n**Cropping:** Absolutely no black bars/letterboxing; colorful doodle fully visible against white.\n**Output:** Actual image file for a smooth, colorful doodle-style image on a white background.",
				seed: 1452879202,
				start_time: 1748957231.4007654,
				end_time: 1748957234.5561488,
				duration: 3.155383348464966,
			},
			progress: null,
			details: null,
		},
	},
	'vue-comment-poll-ready-delivery-eu1-2025-07': {
		source:
			"(unknown; code-index file id 18072534749, a Vue 3 <script setup> App.vue; same Ready body also in a results markdown, id 18397292663) App.vue (name not shown by index). Real Ready body pasted in a comment, 2025-07-14, FLUX.1 [dev] with prompt_upsampling=true (prompt rewritten). Request URL reconstructed: host api.eu1 is the polling host shown in the same author's markdown; status/headers not recorded. se = end_time (07:26:43.5Z) + 10 min.",
		method: 'GET',
		url: 'https://api.eu1.bfl.ai/v1/get_result?id=4cc84fe4-42a5-4ad7-949f-082c3322768c',
		status: 200,
		headers: {},
		body: {
			id: '4cc84fe4-42a5-4ad7-949f-082c3322768c',
			status: 'Ready',
			result: {
				sample:
					'https://delivery-eu1.bfl.ai/results/25/0029386a87db56/6a87db5603ef4e26aa5af1445d68e079/sample.jpeg?se=2025-07-14T07%3A36%3A43Z&sp=r&sv=2024-11-04&sr=b&rsct=image/jpeg&sig=REDACTED',
				prompt:
					'a photograph of a teenage couple playing badminton on a court. The couple is mid-motion, with one player swinging a racket while the other prepares to return the shuttlecock. The sky is clear with soft clouds, and sunlight filters through, casting gentle shadows on the court. The realistic style captures the details of their clothing, the texture of the court, and the expressions of joy on their faces. The camera is positioned behind one of the players, capturing the action from a dynamic angle. The overall mood is lively and cheerful.',
				seed: 42,
				start_time: 1752477995.95983,
				end_time: 1752478003.52603,
				duration: 7.56620097160339,
			},
			progress: null,
			details: null,
			preview: null,
		},
	},
	'md-submit-flux-dev-eu1-2025-07': {
		source:
			'(unknown; code-index file id 18397292663, results markdown of the same Vue app). 2025-07-14 FLUX.1 [dev] submit body as pasted: only id + polling_url (api.eu1). Status not recorded (200 implied).',
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-dev (sent via local proxy http://localhost:5173/bfl/v1/flux-dev)',
		status: 200,
		headers: {},
		body: {
			id: 'b5b6d620-798f-4eee-b782-c7be269692f1',
			polling_url: 'https://api.eu1.bfl.ai/v1/get_result?id=b5b6d620-798f-4eee-b782-c7be269692f1',
		},
	},
	'md-poll-pending-progress-0.5-2025-07': {
		source:
			"(unknown; code-index file id 18397292663). 2025-07-14 Pending with progress 0.5 as pasted; host assumed api.eu1 (same session's other polls); status not recorded.",
		method: 'GET',
		url: 'https://api.eu1.bfl.ai/v1/get_result?id=d42af31c-40e7-42c3-8691-1a6bd86097f4',
		status: 200,
		headers: {},
		body: {
			id: 'd42af31c-40e7-42c3-8691-1a6bd86097f4',
			status: 'Pending',
			result: null,
			progress: 0.5,
			details: null,
			preview: null,
		},
	},
	'dmxapi-submit-flux-2-flex-us3': {
		source:
			"YeSongYun/dmxapi.doc flux-2-flex.md @ 23542a2c386d. Pasted submit answer (2025-11-27) passed through the DMXAPI reseller: BFL's native body, FLUX.2 [flex] 1024x1024, cost 6.0, polling host api.us3.bfl.ai.",
		method: 'POST',
		url: 'https://www.dmxapi.cn/flux/v1/flux-2-flex (reseller proxy forwarding to api.bfl.ai)',
		status: 200,
		headers: {},
		body: {
			id: '8d6b8e09-fd2b-4df3-9623-411d925de642',
			polling_url: 'https://api.us3.bfl.ai/v1/get_result?id=8d6b8e09-fd2b-4df3-9623-411d925de642',
			cost: 6,
			input_mp: 0,
			output_mp: 1,
		},
	},
	'dmxapi-poll-ready-flux-2-flex-scus': {
		source:
			"YeSongYun/dmxapi.doc flux-2-flex.md @ 23542a2c386d. Pasted Ready body 2025-11-27 (FLUX.2 [flex], prompt_upsampling on: '一只小狗' became a long English prompt). FLUX.2 result shape: start_time,prompt,seed,sample - no end_time. Sample on bfldeliveryscus.blob.core.windows.net. Their sample code polls polling_url with NO x-key header and shows this 200 answer.",
		method: 'GET',
		url: 'https://api.us3.bfl.ai/v1/get_result?id=8d6b8e09-fd2b-4df3-9623-411d925de642',
		status: 200,
		headers: {},
		body: {
			id: '8d6b8e09-fd2b-4df3-9623-411d925de642',
			status: 'Ready',
			result: {
				start_time: 1764246146.4188287,
				prompt:
					'hyper-realistic close-up photo of a small puppy sitting in the center of a cozy living room, soft warm natural light coming from a window on the left, the puppy has fluffy light brown and white fur, big round dark eyes looking curiously at the camera, small black nose, ears slightly folded forward, sitting on a light beige rug with subtle texture, shallow depth of field with a softly blurred background showing a simple sofa and a few green indoor plants, gentle and warm color palette, extremely detailed fur texture, 50mm lens, f/1.8, high resolution photography',
				seed: 2092946386,
				sample:
					'https://bfldeliveryscus.blob.core.windows.net/results/2025/11/27/636a70a331ac4d04a074ddd085238f38_sample.jpeg?se=2025-11-27T12%3A32%3A47Z&sp=r&sv=2024-11-04&sr=b&rsct=image/jpeg&sig=REDACTED',
			},
			progress: null,
			details: null,
			preview: null,
		},
	},
	'videoupscale-error-422-range': {
		source:
			"(unknown; code-index file id 68731415822, 'Black Forest Labs - FLUX Video Upscale' research notes of an OpenRouter-style video gateway). Live capture per the doc ('every payload below is a live capture ... signatures and keys redacted'), ~2026-08-18, flux-tools/video-upscale-v1. IDs were elided by the author with '…' (kept as recorded). upscale_factor: 5 -> pydantic v2 validation list.",
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-tools/video-upscale-v1',
		status: 422,
		headers: {},
		body: {
			detail: [
				{
					type: 'less_than_equal',
					loc: ['body', 'upscale_factor'],
					msg: 'Input should be less than or equal to 3',
					input: 5,
					ctx: {
						le: 3,
					},
				},
			],
		},
	},
	'videoupscale-error-422-missing-field': {
		source:
			"(unknown; code-index file id 68731415822, 'Black Forest Labs - FLUX Video Upscale' research notes of an OpenRouter-style video gateway). Live capture per the doc ('every payload below is a live capture ... signatures and keys redacted'), ~2026-08-18, flux-tools/video-upscale-v1. IDs were elided by the author with '…' (kept as recorded). missing input_video.",
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-tools/video-upscale-v1',
		status: 422,
		headers: {},
		body: {
			detail: [
				{
					type: 'missing',
					loc: ['body', 'input_video'],
					msg: 'Field required',
					input: {
						upscale_factor: 2,
					},
				},
			],
		},
	},
	'videoupscale-error-422-invalid-key-format': {
		source:
			"(unknown; code-index file id 68731415822, 'Black Forest Labs - FLUX Video Upscale' research notes of an OpenRouter-style video gateway). Live capture per the doc ('every payload below is a live capture ... signatures and keys redacted'), ~2026-08-18, flux-tools/video-upscale-v1. IDs were elided by the author with '…' (kept as recorded). malformed x-key -> 422 (not 401/403) with string detail.",
		method: 'POST',
		url: 'https://api.bfl.ai/v1/flux-tools/video-upscale-v1',
		status: 422,
		headers: {},
		body: {
			detail: 'Invalid API key format',
		},
	},
	'videoupscale-poll-404-task-not-found': {
		excerpt: true,
		source:
			"(unknown; code-index file id 68731415822, 'Black Forest Labs - FLUX Video Upscale' research notes of an OpenRouter-style video gateway). Live capture per the doc ('every payload below is a live capture ... signatures and keys redacted'), ~2026-08-18, flux-tools/video-upscale-v1. IDs were elided by the author with '…' (kept as recorded). Poll of an unknown id: HTTP 404 whose body is a normal task body with status 'Task not found' (author elided the rest; body kept as the recorded string).",
		method: 'GET',
		url: 'https://api.ice.bfl.ai/v1/get_result?id=<unknown>',
		status: 404,
		headers: {},
		body: '{"id":"…","status":"Task not found","result":null,…}',
	},
	'aself-error-402-insufficient-credits-throttle': {
		source:
			'aself101/bfl-api docs/LIVE-BATTERY-2026-09-21.md @ 2532e2c01de5. Live run 2026-09-22: three FLUX 3 video submits back-to-back after a 101 s i2v render got 402 {"detail":"Insufficient credits"} with 1013.4 credits on the account (reproduced with raw urllib); run one at a time they succeeded. 402 here = back-pressure, not balance.',
		method: 'POST',
		url: 'https://api.bfl.ai/v1/<flux-3-video v2v | video edit | video upscale> (exact path not recorded)',
		status: 402,
		headers: {},
		body: {
			detail: 'Insufficient credits',
		},
	},
	'aself-poll-422-error-task-body': {
		excerpt: true,
		source:
			'aself101/bfl-api docs/LIVE-BATTERY-2026-09-21.md @ 2532e2c01de5. Live run 2026-09-21: v2v with a draft clip as start_video; the POLL answered HTTP 422 whose body was a task result with status Error and details.error (quoted by the author in JS-object shorthand, other fields omitted).',
		method: 'GET',
		url: '<polling_url of a flux-3-video v2v task> (host not recorded)',
		status: 422,
		headers: {},
		body: '{status: "Error", details: {error: "Invalid or corrupted image input"}}',
	},
	'fixture-poll-request-moderated': {
		source:
			'(unknown; code-index file id 70104240424, Rust wiremock test). TEST FIXTURE, not recorded (no recorded moderation body was found). Full BFL task body with details["Moderation Reasons"]; reason strings seen across fixtures: \'Derivative Works Filter\', \'NSFW\', \'Sexual Content\', \'Content Policy Violation\', \'Image 2\'. An OpenRouter-relayed raw BFL body {"status":"Request Moderated","details":{"Moderation Reasons":["Sexual Content"]}} appears in several fixtures too.',
		method: 'GET',
		url: '(mock server)',
		status: 200,
		headers: {},
		body: {
			id: 'fe7256d1-50d9-4663-8592-85eaf002e80c',
			status: 'Request Moderated',
			result: null,
			progress: null,
			details: {
				'Moderation Reasons': ['Derivative Works Filter'],
			},
			preview: null,
		},
	},
	'log-download-bfldeliveryscus-2026-04': {
		source:
			'(unknown; code-index file id 53054666419, JS comment with uvicorn-style access log). 2026-04-24 sample URLs on bfldeliveryscus AND bfldeliveryprodeu4 (same day); SAS version sv=2026-02-06 (was 2024-11-04 in 2025). URL-decoded once from the logged ?url= parameter.',
		method: 'GET',
		url: 'https://bfldeliveryscus.blob.core.windows.net/results/2026/04/24/a3b50756f0db4bdab5d9284b54cedf69_sample.jpeg?se=2026-04-24T17%3A35%3A04Z&sp=r&sv=2026-02-06&sr=b&rsct=image/jpeg&sig=REDACTED',
		status: 200,
		headers: {},
		body: null,
	},
};

module.exports = { RECORDED };
