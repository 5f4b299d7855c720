// @ts-check
/**
 * RELIABILITY.md's "Real traffic" table: each shape of the live API that public projects recorded,
 * where it was recorded, and what the node did with it. test/engine/realTraffic.test.ts replays
 * these shapes and checks that RELIABILITY.md carries this table.
 * `node test/realTraffic/table.js --write` puts it there; the chaos suite's --write keeps it.
 */
const fs = require('node:fs');
const path = require('node:path');

const MAR = 'maruel/genai cassettes';
const ROWS = [
	[
		'submit on api.bfl.ai → `polling_url` on api.eu4.bfl.ai; Ready without `end_time`; sample on `bfldeliveryprodeu4.blob.core.windows.net`; cost `7.000000000000001` (FLUX.2 [max])',
		`${MAR}, 2025-12-17`,
		'image as binary; cost kept exactly; expiry read from `se=`; key only to api.bfl.ai and api.eu4',
	],
	[
		'`polling_url` on api.eu2, sample on the eu4 blob account; cost `3.0` (FLUX.2 [pro])',
		`${MAR}, 2025-12-17`,
		'image as binary',
	],
	[
		'cost, `input_mp`, `output_mp` all `null`; `progress` 0.1 → 1.0 → `null`; Ready with `end_time` (FLUX.1 [dev])',
		`${MAR}, 2025-12-18`,
		'image as binary; cost left out',
	],
	[
		'submit answer without cost fields, polls without `preview`; api.us1, `delivery-us1.bfl.ai`',
		`${MAR}, 2025-06-03`,
		'image as binary',
	],
	[
		'`polling_url` on api.us3, sample on `bfldeliveryscus.blob.core.windows.net` (FLUX.2 [flex])',
		'YeSongYun/dmxapi.doc, 2025-11-27',
		'image as binary',
	],
	[
		'Task → Get Result on a polling URL of api.eu1; sample on `delivery-eu1.bfl.ai`',
		"a Ready body pasted in a public app's code, 2025-07-14",
		'image as binary',
	],
	[
		'a recorded sample URL after its `se=` time (Azure answers 403 AuthenticationFailed)',
		`${MAR} URL`,
		'"The result URL expired at …" with the `se=` time',
	],
	[
		'403 `Not authenticated - Invalid Authentication` on a submit (a bad key)',
		`${MAR}, 2025-08-24`,
		'"BFL rejected the API key (403)…"; sent once',
	],
	[
		'422 `Invalid API key format` on a submit',
		'live captures in video-upscale notes, 2026-08',
		'"BFL rejected the request (422): Invalid API key format"; sent once',
	],
	[
		'422 FastAPI lists (`less_than_equal`, `missing`)',
		'the same notes',
		"BFL's field and words in the error; sent once",
	],
	[
		'402 `Insufficient credits`, also seen as back-pressure on video with credits left',
		'aself101/bfl-api live battery, 2026-09-21',
		'"Not enough BFL credits (402)…"; sent once (a refusal: the node cannot tell the two meanings apart, so it never re-sends a paid request)',
	],
	[
		'404 `Not Found` on an unknown model path',
		`${MAR}, 2025-08-24`,
		"an error with BFL's words; sent once",
	],
	[
		'a poll answered 422 whose body is a task with status Error',
		'aself101/bfl-api live battery (quoted in part)',
		"the task's Error with BFL's details",
	],
	[
		'a poll answered 404 whose body is a task "Task not found"',
		'video-upscale notes (quoted in part)',
		'read as that status; after the grace polls "BFL does not know task …"',
	],
	[
		'Request Moderated with `details["Moderation Reasons"]`',
		"a client's test fixture (no recorded one is public)",
		"the error names BFL's reasons; Continue On Fail keeps status and details",
	],
	[
		'`get_result?id=` on api.bfl.ai for a task on a regional cluster: 404',
		'aself101/bfl-api live battery',
		'"BFL has no task … on api.bfl.ai (404)" with what works instead; the failed URL is not proposed',
	],
	[
		'polls carry `Retry-After: 0/1` and `X-Ratelimit-*` headers on 200',
		`${MAR}`,
		'ignored on a 200: the node keeps its own poll schedule',
	],
	[
		'a poll redirected to another cluster (BFL says polling hosts may redirect; not recorded)',
		"BFL's agent notes",
		'followed with the key to api.us2; a redirect to www.bfl.ai refused',
	],
	[
		'polling hosts api.ice, api.us6 and `delivery.ice.bfl.ai` (video upscale, ids elided)',
		'video-upscale notes, 2026-08',
		'not replayed (no whole id); trusted by the host rules, unit-tested',
	],
];

function realTrafficSection() {
	const header = ['Shape', 'Recorded by', 'What the node did'];
	const table = [header, header.map(() => '---'), ...ROWS].map((row) => `| ${row.join(' | ')} |`);
	return `## Real traffic

Answers of the live BFL API that public projects recorded, replayed through n8n's engine under
BFL's real host names (\`test/engine/realTraffic.test.ts\`; the recordings and their sources are in
\`test/realTraffic/recorded.js\`). No recorded 429 body or 429 headers are public; the simulator's
429s stand in for them.

${table.join('\n')}
`;
}

/** Replaces (or appends) the section in a RELIABILITY.md text. @param {string} text */
function withSection(text) {
	const start = text.indexOf('## Real traffic');
	const section = realTrafficSection();
	if (start < 0) return `${text.trimEnd()}\n\n${section}`;
	const next = text.indexOf('\n## ', start + 1);
	return `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next)}`;
}

if (require.main === module && process.argv.includes('--write')) {
	const file = path.join(__dirname, '..', '..', 'RELIABILITY.md');
	fs.writeFileSync(file, withSection(fs.readFileSync(file, 'utf8')));
}

module.exports = { realTrafficSection, withSection };
