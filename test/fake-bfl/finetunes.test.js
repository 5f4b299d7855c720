// @ts-check
'use strict';

const { startFakeBfl, manualClock } = require('./index');
const { KEY, submit, getJson, pollUntilDone } = require('./testHelpers');

/** Posts a 70 MB body: slow by design on a loaded machine. */
const UPLOAD_TIMEOUT_MS = 120_000;

/** @type {import('./index').FakeBfl} */
let us1;
/** @type {import('./index').FakeBfl} */
let eu1;

const zipBase64 = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]).toString(
	'base64',
);
const createBody = {
	file_data: zipBase64,
	finetune_comment: 'my-product',
	mode: 'product',
	iterations: 300,
	learning_rate: 0.00001,
	captioning: true,
	priority: 'quality',
	finetune_type: 'lora',
	lora_rank: 32,
	trigger_word: 'TOK',
};

beforeEach(async () => {
	us1 = await startFakeBfl({
		latencyMs: 200,
		clock: manualClock(),
		region: 'us1',
		finetunes: [{ finetune_id: 'seeded-lora', finetune_comment: 'seeded' }],
	});
	eu1 = await startFakeBfl({ latencyMs: 200, region: 'eu1', clock: manualClock() });
});
afterEach(() => Promise.all([us1.close(), eu1.close()]));

/**
 * @param {import('./index').FakeBfl} fake
 * @param {string} path
 * @param {unknown} body
 */
async function post(fake, path, body) {
	const res = await fetch(`${fake.apiBase}${path}`, {
		method: 'POST',
		headers: { 'x-key': KEY, 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: res.status, json: /** @type {any} */ (await res.json()) };
}

test('create → train (Pending → Ready via get_result) → list → details → delete', async () => {
	const created = await post(eu1, '/v1/finetune', createBody);
	expect(created).toEqual({ status: 200, json: { id: expect.any(String) } });
	const id = created.json.id;
	const { body, seen } = await pollUntilDone(`${eu1.apiBase}/v1/get_result?id=${id}`, {
		fake: eu1,
	});
	expect(seen[0]).toBe('Pending');
	expect(body).toEqual({
		id,
		status: 'Ready',
		result: {},
		progress: null,
		details: null,
		preview: null,
	});
	expect((await getJson(`${eu1.apiBase}/v1/my_finetunes`)).json).toEqual({ finetunes: [id] });
	const { file_data: _omitted, ...params } = createBody;
	expect((await getJson(`${eu1.apiBase}/v1/finetune_details?finetune_id=${id}`)).json).toEqual({
		finetune_details: { ...params, finetune_id: id },
	});
	const deleted = await post(eu1, '/v1/delete_finetune', { finetune_id: id });
	expect(deleted.json).toEqual({
		status: 'ok',
		message: expect.any(String),
		deleted_finetune_id: id,
		timestamp: expect.any(String),
	});
	expect(Number.isNaN(Date.parse(deleted.json.timestamp))).toBe(false);
	expect((await post(eu1, '/v1/delete_finetune', { finetune_id: id })).status).toBe(404);
	expect((await getJson(`${eu1.apiBase}/v1/my_finetunes`)).json).toEqual({ finetunes: [] });
});

test('finetunes are per instance (region): one made on eu1 is unknown on us1', async () => {
	const { json } = await post(eu1, '/v1/finetune', createBody);
	const details = await getJson(`${us1.apiBase}/v1/finetune_details?finetune_id=${json.id}`);
	expect(details).toMatchObject({ status: 404, json: { detail: 'Finetune not found' } });
	const onUs = await submit(us1, 'flux-2-klein-9b-finetuned', {
		prompt: 'x',
		finetune_id: json.id,
	});
	expect(onUs).toMatchObject({ status: 404, json: { detail: 'Finetune not found' } });
	const onEu = await submit(eu1, 'flux-2-klein-9b-finetuned', {
		prompt: 'x',
		finetune_id: json.id,
		finetune_strength: 1.1,
	});
	expect(onEu.status).toBe(200);
	expect(
		(await submit(eu1, 'flux-pro-1.1-ultra-finetuned', { prompt: 'x', finetune_id: json.id }))
			.status,
	).toBe(200);
});

test('seeded finetunes exist and are trained; shared "org-id/name" LoRAs are accepted', async () => {
	expect((await getJson(`${us1.apiBase}/v1/my_finetunes`)).json).toEqual({
		finetunes: ['seeded-lora'],
	});
	expect((await getJson(`${us1.apiBase}/v1/get_result?id=seeded-lora`)).json.status).toBe('Ready');
	expect(
		(await getJson(`${us1.apiBase}/v1/finetune_details?finetune_id=seeded-lora`)).json,
	).toEqual({
		finetune_details: { finetune_comment: 'seeded', finetune_id: 'seeded-lora' },
	});
	const png = require('./images').buildImage('png', 'in').toString('base64');
	for (const [model, extra] of /** @type {const} */ ([
		['flux-2-klein-4b-finetuned', {}],
		['flux-2-klein-base-9b-finetuned', {}],
		['flux-pro-1.0-fill-finetuned', { image: png }],
	])) {
		expect(
			(await submit(us1, model, { prompt: 'x', finetune_id: 'seeded-lora', ...extra })).status,
		).toBe(200);
		expect(
			(await submit(us1, model, { prompt: 'x', finetune_id: 'other-org/their-lora', ...extra }))
				.status,
		).toBe(200);
		expect(
			(await submit(us1, model, { prompt: 'x', finetune_id: 'missing', ...extra })).status,
		).toBe(404);
	}
});

test(
	'create validation: required fields, ranges, ZIP magic, size limit',
	async () => {
		const missing = await post(us1, '/v1/finetune', { file_data: zipBase64 });
		expect(missing.status).toBe(422);
		expect(missing.json.detail.map((/** @type {any} */ d) => d.loc)).toEqual([
			['body', 'finetune_comment'],
			['body', 'mode'],
		]);
		for (const [field, value] of /** @type {const} */ ([
			['iterations', 99],
			['learning_rate', 0.01],
			['lora_rank', 8],
			['priority', 'fast'],
			['finetune_type', 'half'],
			['captioning', 'yes'],
		])) {
			const res = await post(us1, '/v1/finetune', { ...createBody, [field]: value });
			expect({ field, status: res.status, loc: res.json.detail[0].loc }).toEqual({
				field,
				status: 422,
				loc: ['body', field],
			});
		}
		const notZip = await post(us1, '/v1/finetune', {
			...createBody,
			file_data: Buffer.from('just text').toString('base64'),
		});
		expect(notZip.status).toBe(422);
		expect(notZip.json.detail[0].loc).toEqual(['body', 'file_data']);
		const huge = `UEsDBA${'A'.repeat(70 * 1000 * 1000)}`;
		expect((await post(us1, '/v1/finetune', { ...createBody, file_data: huge })).status).toBe(413);
		expect((await getJson(`${us1.apiBase}/v1/finetune_details`)).status).toBe(422);
	},
	UPLOAD_TIMEOUT_MS,
);

test("finetuneTraining: 'gone' → 410 on POST /v1/finetune; management endpoints keep working", async () => {
	us1.configure({ finetuneTraining: 'gone' });
	expect(await post(us1, '/v1/finetune', createBody)).toEqual({
		status: 410,
		json: { detail: 'Finetuning has been deprecated' },
	});
	expect((await getJson(`${us1.apiBase}/v1/my_finetunes`)).status).toBe(200);
});
