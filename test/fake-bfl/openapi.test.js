// @ts-check
'use strict';

const { startFakeBfl, manualClock, sniffImage } = require('./index');
const { MODELS } = require('./models');
const { GENERIC_COST } = require('./endpoints');
const OCTOBER = require('./openapi-2026-10.json');
const { KEY, submit, pollUntilDone, download, imageDimensions } = require('./testHelpers');

/**
 * The October copy with one more task endpoint, as a newer copy of BFL's document would bring: a
 * path and a schema that models.js and handSchemas.js know nothing of.
 */
function documentWithNewModel() {
	const like = OCTOBER.paths['/v1/flux-2-pro'].post;
	return {
		...OCTOBER,
		paths: {
			...OCTOBER.paths,
			'/v1/flux-future-v1': {
				post: {
					requestBody: {
						required: true,
						content: {
							'application/json': { schema: { $ref: '#/components/schemas/FluxFutureInputs' } },
						},
					},
					responses: like.responses,
				},
			},
		},
		components: {
			...OCTOBER.components,
			schemas: {
				...OCTOBER.components.schemas,
				FluxFutureInputs: {
					type: 'object',
					additionalProperties: false,
					required: ['prompt'],
					properties: {
						prompt: { type: 'string', minLength: 1 },
						steps: { type: 'integer', minimum: 1, maximum: 8 },
						width: { type: 'integer', minimum: 64, maximum: 2048 },
						height: { type: 'integer', minimum: 64, maximum: 2048 },
						input_image: { anyOf: [{ type: 'string' }, { type: 'null' }] },
						output_format: {
							anyOf: [{ $ref: '#/components/schemas/OutputFormat' }, { type: 'null' }],
							default: 'png',
						},
					},
				},
			},
		},
	};
}

describe('endpoints come from the OpenAPI document', () => {
	/** @type {import('./index').FakeBfl} */
	let fake;
	beforeAll(async () => {
		fake = await startFakeBfl({
			apiKey: KEY,
			latencyMs: 100,
			clock: manualClock(),
			openapi: /** @type {any} */ (documentWithNewModel()),
		});
	});
	afterAll(() => fake.close());

	test('the new path is not hand-written anywhere', () => {
		expect(MODELS['flux-future-v1']).toBeUndefined();
		expect(OCTOBER.paths).not.toHaveProperty('/v1/flux-future-v1');
	});

	test('a path only the document has: submit, poll and download a picture of the asked size', async () => {
		const res = await submit(fake, 'flux-future-v1', {
			prompt: 'a lighthouse',
			width: 320,
			height: 192,
		});
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ id: expect.any(String), cost: GENERIC_COST });
		expect(new URL(res.json.polling_url).origin).toBe(fake.pollBase);
		const { body, seen } = await pollUntilDone(res.json.polling_url, { fake });
		expect(seen).toContain('Pending');
		expect(body.status).toBe('Ready');
		const file = await download(body.result.sample);
		expect(file.status).toBe(200);
		// output_format's default in the new schema is png.
		expect(sniffImage(file.bytes)).toBe('png');
		expect(imageDimensions(file.bytes)).toEqual({ width: 320, height: 192 });
	});

	test("its body is checked against that path's request schema", async () => {
		const res = await submit(fake, 'flux-future-v1', { steps: 9, seed: 1 });
		expect(res.status).toBe(422);
		const byLoc = Object.fromEntries(
			res.json.detail.map((/** @type {any} */ e) => [e.loc.join('.'), e.type]),
		);
		expect(byLoc).toEqual({
			'body.prompt': 'missing',
			'body.steps': 'less_than_equal',
			'body.seed': 'extra_forbidden',
		});
	});

	test('and by the product rules every endpoint shares (image fields)', async () => {
		const res = await submit(fake, 'flux-future-v1', {
			prompt: 'x',
			input_image: 'data:image/png;base64,AAAA',
		});
		expect(res.status).toBe(422);
		expect(res.json.detail[0].loc).toEqual(['body', 'input_image']);
	});
});

test('every task path of the October copy is served, and only those and the hand-schema ones', async () => {
	const fake = await startFakeBfl({ apiKey: KEY, clock: manualClock() });
	try {
		const taskPaths = Object.entries(OCTOBER.paths)
			.filter(([, item]) =>
				JSON.stringify(/** @type {any} */ (item).post?.responses ?? {}).includes('AsyncResponse'),
			)
			.map(([path]) => path.slice('/v1/'.length));
		expect(taskPaths.length).toBeGreaterThan(20);
		for (const model of taskPaths) {
			const res = await submit(fake, model, 'not json');
			expect({ model, status: res.status }).toEqual({ model, status: 422 });
		}
		const handOnly = Object.keys(MODELS).filter((model) => !taskPaths.includes(model));
		expect(handOnly.every((model) => MODELS[model].schema)).toBe(true);
	} finally {
		await fake.close();
	}
});
