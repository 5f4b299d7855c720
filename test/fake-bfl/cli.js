#!/usr/bin/env node
// @ts-check
'use strict';

const fs = require('node:fs');
const { startFakeBfl } = require('./index');

const USAGE = `Usage: node test/fake-bfl/cli.js [--port 8787] [--host 127.0.0.1] [--latency 2000] [--cap 24]
  [--key test-key] [--image-bytes N] [--video-bytes N] [--url-ttl-ms N] [--credits N] [--region us1] [--log]
  [--openapi file.json]  serve the task endpoints of another copy of BFL's OpenAPI document`;

/** @type {Record<string, [string, (v: string) => unknown]>} flag → [option name, parser] */
const FLAGS = {
	'--port': ['port', Number],
	'--host': ['host', String],
	'--latency': ['latencyMs', Number],
	'--cap': ['concurrencyCap', Number],
	'--key': ['apiKey', String],
	'--image-bytes': ['imageBytes', Number],
	'--video-bytes': ['videoBytes', Number],
	'--url-ttl-ms': ['urlTtlMs', Number],
	'--credits': ['credits', Number],
	'--region': ['region', String],
	'--openapi': ['openapi', (file) => JSON.parse(fs.readFileSync(file, 'utf8'))],
};

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {Record<string, unknown>} */
	const options = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			process.stdout.write(`${USAGE}\n`);
			process.exit(0);
		}
		if (arg === '--log') {
			options.log = true;
			continue;
		}
		const [flag, inline] = arg.split('=', 2);
		const spec = FLAGS[flag];
		const value = inline !== undefined ? inline : argv[++i];
		if (!spec || value === undefined) {
			process.stderr.write(`Unknown or incomplete option: ${arg}\n${USAGE}\n`);
			process.exit(2);
		}
		const parsed = spec[1](value);
		if (typeof parsed === 'number' && !Number.isFinite(parsed)) {
			process.stderr.write(`Option ${flag} needs a number, got "${value}"\n`);
			process.exit(2);
		}
		options[spec[0]] = parsed;
	}
	return options;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const fake = await startFakeBfl({ port: 8787, latencyMs: 2000, ...options });
	const { apiBase, pollBase, deliveryBase, untrustedBase } = fake;
	process.stdout.write(`${JSON.stringify({ apiBase, pollBase, deliveryBase, untrustedBase })}\n`);
	const stop = () => {
		fake.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((err) => {
	process.stderr.write(`fake-bfl failed to start: ${err && err.message}\n`);
	process.exit(1);
});
