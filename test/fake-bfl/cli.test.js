// @ts-check
'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');
const { KEY, getJson } = require('./testHelpers');

test('cli prints one JSON line with the bases, serves, and exits cleanly on SIGTERM', async () => {
	const child = spawn(
		process.execPath,
		[path.join(__dirname, 'cli.js'), '--port', '0', '--latency', '50', '--credits=42'],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	try {
		const line = await new Promise((resolve, reject) => {
			let out = '';
			child.stdout.on('data', (chunk) => {
				out += chunk;
				if (out.includes('\n')) resolve(out);
			});
			child.on('exit', () => reject(new Error(`cli exited early: ${out}`)));
		});
		expect(String(line).trim().split('\n')).toHaveLength(1);
		const bases = JSON.parse(String(line));
		expect(Object.keys(bases)).toEqual(['apiBase', 'pollBase', 'deliveryBase', 'untrustedBase']);
		expect((await getJson(`${bases.apiBase}/v1/credits`, { 'x-key': KEY })).json).toEqual({
			credits: 42,
		});
	} finally {
		child.kill('SIGTERM');
	}
	expect(await exited).toEqual({ code: 0, signal: null });
});
