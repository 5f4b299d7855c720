import { subtitleExpression } from '../../nodes/Bfl/actions/subtitle';
import {
	checkEndpointPath,
	customModelSpec,
	parseCustomBody,
} from '../../nodes/Bfl/core/request/customEndpoint';

describe('Model → Custom Endpoint', () => {
	it.each(['flux-3-image-klein', 'flux-2-pro', 'flux-pro-1.1', 'flux-tools/vto-v3', 'x_y.z'])(
		'accepts %s',
		(path) => {
			expect(checkEndpointPath(path)).toBeUndefined();
		},
	);

	it.each([
		'../credits',
		'..',
		'.hidden',
		'a/b',
		'v1/flux-2-pro',
		'/flux-2-pro',
		'flux-tools/../credits',
		'flux-tools/a/b',
		'flux-2-pro?x=1',
		'flux-2-pro#x',
		'%2e%2e',
		'flux 2',
		'https://evil.example.com/x',
		'flux-tools\\x',
		'a..b',
		// Spellings of the non-task endpoints a lenient gateway might route: never one segment.
		'credits/',
		'v1/credits',
		'./credits',
		'%2Fcredits',
		'//credits',
		'flux-tools//credits',
		'CREDITS%2F',
	])('rejects the path trick %p', (path) => {
		expect(checkEndpointPath(path)).toMatch(/^Endpoint Path must be one path segment/);
	});

	it.each([
		'get_result',
		'credits',
		'delete_finetune',
		'finetune',
		'my_finetunes',
		'finetune_details',
		// A lenient gateway routes these to the same endpoints.
		'Credits',
		'GET_RESULT',
		'Delete_Finetune',
		'MY_FINETUNES',
		'get-result',
		'credits.',
		'credits.json',
		'flux-tools/credits',
	])('rejects the non-task endpoint %s', (path) => {
		expect(checkEndpointPath(path)).toMatch(/is not an image task endpoint/);
	});

	it.each([undefined, null, '', '   '])(
		'rejects an Endpoint Path of %p: nothing to post to',
		(path) => {
			expect(checkEndpointPath(path)).toMatch(/^Endpoint Path is empty: name the BFL endpoint/);
		},
	);

	it.each([42, true, {}, ['flux-2-pro']])('rejects an Endpoint Path of %p: not text', (path) => {
		expect(checkEndpointPath(path)).toMatch(/^Endpoint Path must be one path segment/);
	});

	it('takes the body as an object or JSON text, and nothing else', () => {
		expect(parseCustomBody('{"prompt":"a"}')).toEqual({ body: { prompt: 'a' } });
		expect(parseCustomBody({ prompt: 'a', images: ['x'] })).toEqual({
			body: { prompt: 'a', images: ['x'] },
		});
		expect(parseCustomBody('{"prompt":')).toHaveProperty('problem');
		expect(parseCustomBody('[1]').problem).toMatch(/must be a JSON object/);
		expect(parseCustomBody('null').problem).toMatch(/must be a JSON object/);
	});

	it('names itself in the canvas subtitle', () => {
		expect(subtitleExpression([])).toContain('"custom":"Custom Endpoint"');
	});

	it('posts under /v1/ on the region host, with the default cap', () => {
		expect(customModelSpec('generate', 'flux-tools/vto-v3')).toMatchObject({
			path: '/v1/flux-tools/vto-v3',
			concurrencyCap: 24,
			fields: {},
		});
	});
});
