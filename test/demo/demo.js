// @ts-check
/**
 * `npm run demo`: generates one image through the built node in n8n's engine and writes it to ./out/.
 * With BFL_API_KEY set it calls the real API (BFL_REGION picks the region, default global);
 * otherwise it starts the bundled offline BFL simulator on loopback.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core keeps an instance config in $N8N_USER_FOLDER/.n8n; keep it out of the user's home.
process.env.N8N_USER_FOLDER ||= path.join(os.tmpdir(), 'n8n-nodes-bfl-demo');

const { startFakeBfl } = require('../fake-bfl');
const { runBfl, simulatorCredentials } = require('../helpers/bflWorkflow');
const { sniffImage } = require('../fake-bfl/images');

const prompt =
	process.argv.slice(2).join(' ') ||
	'A lighthouse on a cliff at golden hour, 35mm photo, dramatic clouds';
const outDir = path.resolve(__dirname, '..', '..', 'out');

async function main() {
	const apiKey = process.env.BFL_API_KEY;
	const fake = apiKey ? undefined : await startFakeBfl({ apiKey: 'demo-key', latencyMs: 1500 });
	const credentials = apiKey
		? { apiKey, region: process.env.BFL_REGION || 'global', finetuneRegion: 'auto' }
		: simulatorCredentials(/** @type {NonNullable<typeof fake>} */ (fake).apiBase, 'demo-key');
	console.log(
		apiKey
			? `Calling the real BFL API (region ${credentials.region})`
			: 'BFL_API_KEY is not set: using the offline BFL simulator',
	);
	console.log(`Prompt: ${prompt}`);
	try {
		const started = Date.now();
		const { items, error } = await runBfl({
			from: 'dist',
			credentials,
			parameters: {
				resource: 'image',
				operation: 'generate',
				model: 'flux-2-pro',
				prompt,
				width: 1024,
				height: 768,
				options: {},
			},
		});
		if (error) throw error;
		const [item] = items;
		const binary = item.binary?.data;
		if (!binary) throw new Error('The node returned no image');
		const bytes = Buffer.from(binary.data, 'base64');
		const format = sniffImage(bytes);
		if (!format)
			throw new Error(`The downloaded file (${binary.mimeType}) is not a PNG, JPEG or WebP image`);
		fs.mkdirSync(outDir, { recursive: true });
		const file = path.join(outDir, binary.fileName ?? `${item.json.id}.${format}`);
		fs.writeFileSync(file, bytes);
		console.log(JSON.stringify(item.json, null, 2));
		console.log(
			`Wrote ${bytes.length} bytes of ${format.toUpperCase()} to ${path.relative(process.cwd(), file)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
	} finally {
		await fake?.close();
	}
}

main().catch((error) => {
	console.error(`Demo failed: ${error.message}`);
	if (error.description) console.error(error.description);
	process.exit(1);
});
