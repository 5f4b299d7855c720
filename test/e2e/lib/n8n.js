// @ts-check
'use strict';

/**
 * One n8n "home" (N8N_USER_FOLDER) with our npm-packed package installed the way a user gets it, plus thin
 * wrappers around the n8n CLI. Every CLI call is bounded and logged to <dir>/logs/.
 */

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { run, startDaemon } = require('./proc');
const { n8nBin, n8nEnv } = require('./cache');
const { installAsReadmeSays } = require('./readmeInstall');

const PACKAGE_NAME = 'n8n-nodes-bfl';
const CREDENTIAL_ID = 'bflE2eCredential01';
const CREDENTIAL_NAME = 'Black Forest Labs (offline simulator)';
const ENCRYPTION_KEY = 'n8n-nodes-bfl-e2e-encryption-key-01';

/** A free loopback TCP port. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

class N8nHome {
	/**
	 * @param {import('./cache').N8nRelease} release
	 * @param {string} dir scratch dir for this home: home/, files/, workflows/, snapshots/, logs/
	 */
	constructor(release, dir) {
		this.release = release;
		this.dir = dir;
		this.home = path.join(dir, 'home');
		this.files = path.join(dir, 'files');
		this.logs = path.join(dir, 'logs');
		for (const d of [this.home, this.files, this.logs]) fs.mkdirSync(d, { recursive: true });
		this.port = 0;
		this.brokerPort = 0;
		/** @type {string[]} the README's commands installPackage ran */
		this.installCommands = [];
		this.cliCount = 0;
	}

	async allocatePorts() {
		this.port = await freePort();
		this.brokerPort = await freePort();
	}

	/** @param {NodeJS.ProcessEnv} [extra] */
	env(extra = {}) {
		return {
			...n8nEnv(this.release),
			N8N_USER_FOLDER: this.home,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port || 5678),
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort || 5679),
			N8N_RESTRICT_FILE_ACCESS_TO: this.files,
			DB_TYPE: 'sqlite',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_LOG_LEVEL: 'info',
			...extra,
		};
	}

	/**
	 * Installs the tarball into .n8n/nodes/node_modules/n8n-nodes-bfl with the README's own commands for an
	 * npm-installed n8n (lib/readmeInstall.js), this home standing in for `~`.
	 */
	async installPackage(/** @type {string} */ tgz) {
		const target = path.join(this.home, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		// a kept home (npm run n8n) is updated as the README says: remove the old copy, then install
		fs.rmSync(target, { recursive: true, force: true });
		this.installCommands = await installAsReadmeSays({
			home: this.home,
			tgz,
			logFile: path.join(this.logs, 'install-package.log'),
		});
		if (!fs.existsSync(path.join(target, 'package.json')))
			throw new Error(`the README's install commands left no ${target}/package.json`);
		return target;
	}

	/**
	 * Runs `n8n <args>`; output goes to logs/NN-<first arg>.log.
	 * @param {string[]} args @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv }} [opts]
	 */
	async cli(args, opts = {}) {
		const n = String(++this.cliCount).padStart(2, '0');
		const logFile = path.join(this.logs, `${n}-${args[0].replace(/[^a-z0-9:-]/gi, '')}.log`);
		const r = await run(n8nBin(this.release), args, {
			cwd: this.dir,
			env: this.env(opts.env),
			timeoutMs: opts.timeoutMs ?? 120000,
			logFile,
		});
		return { ...r, logFile };
	}

	/** Throws with the log tail when the CLI call fails. @param {string[]} args @param {{ timeoutMs?: number }} [opts] */
	async cliOk(args, opts) {
		const r = await this.cli(args, opts);
		if (r.code !== 0) {
			const why = r.timedOut ? 'timed out' : `exit ${r.code ?? r.signal}`;
			const last = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-15).join('\n');
			throw new Error(`n8n ${args.join(' ')}: ${why} (log ${r.logFile})\n${last}`);
		}
		return r;
	}

	/** Imports the simulator credential (plaintext data is encrypted by n8n on import). @param {string} apiBase @param {string} apiKey */
	async importCredential(apiBase, apiKey) {
		const file = path.join(this.dir, 'credentials.json');
		const credentials = [
			{
				id: CREDENTIAL_ID,
				name: CREDENTIAL_NAME,
				type: 'bflApi',
				data: { apiKey, region: 'custom', baseUrl: apiBase, finetuneRegion: 'auto' },
			},
		];
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		return await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/**
	 * Imports workflow objects (already adapted) from one folder.
	 * @param {Array<Record<string, any>>} workflows @param {string} [subdir]
	 */
	async importWorkflows(workflows, subdir = 'workflows') {
		const dir = path.join(this.dir, subdir);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		for (const wf of workflows)
			fs.writeFileSync(path.join(dir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
		return await this.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/**
	 * `n8n execute-batch` over the ids; returns the parsed snapshot per id (null when n8n wrote none). `tag` names
	 * the snapshot folder and summary of a later batch; `env` adds to the environment (e.g. other ports while
	 * `n8n start` runs on this home).
	 * @param {string[]} ids @param {number} timeoutMs @param {{ tag?: string, env?: NodeJS.ProcessEnv }} [opts]
	 */
	async executeBatch(ids, timeoutMs, opts = {}) {
		const suffix = opts.tag ? `-${opts.tag}` : '';
		const snapDir = path.join(this.dir, `snapshots${suffix}`);
		fs.rmSync(snapDir, { recursive: true, force: true });
		fs.mkdirSync(snapDir, { recursive: true });
		const summaryFile = path.join(this.dir, `batch-summary${suffix}.json`);
		const r = await this.cli(
			[
				'execute-batch',
				`--ids=${ids.join(',')}`,
				`--snapshot=${snapDir}`,
				`--output=${summaryFile}`,
				'--shortOutput',
				'--retries=0',
			],
			{ timeoutMs, env: opts.env },
		);
		/** @type {Record<string, any>} */
		const snapshots = {};
		for (const id of ids) {
			const file = path.join(snapDir, `${id}-snapshot.json`);
			snapshots[id] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
		}
		let summary = null;
		try {
			summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
		} catch {
			/* none written */
		}
		return { result: r, snapshots, summary };
	}

	/** Activates a workflow for `n8n start`: `publish:workflow` in 2.x, `update:workflow --active=true` in 1.x. */
	async publish(/** @type {string} */ id) {
		const args =
			this.release.key === '1'
				? ['update:workflow', `--id=${id}`, '--active=true']
				: ['publish:workflow', `--id=${id}`];
		return await this.cliOk(args);
	}

	/**
	 * Starts a long-running n8n command (start, worker) with logs in logs/<name>.log.
	 * @param {string} name @param {string[]} args @param {NodeJS.ProcessEnv} [extraEnv]
	 */
	daemon(name, args, extraEnv = {}) {
		const logFile = path.join(this.logs, `${name}.log`);
		const d = startDaemon(n8nBin(this.release), args, {
			cwd: this.dir,
			env: this.env(extraEnv),
			logFile,
		});
		return { ...d, logFile };
	}

	/**
	 * Starts a queue-mode `n8n worker` with ports of its own (task-runner broker, HTTP, health
	 * check); `isReady()` says whether its log announces it ready.
	 * @param {string} name @param {number} concurrency @param {NodeJS.ProcessEnv} queueEnv
	 */
	async worker(name, concurrency, queueEnv) {
		const w = this.daemon(name, ['worker', `--concurrency=${concurrency}`], {
			...queueEnv,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
		});
		const isReady = () => /worker is now ready/i.test(fs.readFileSync(w.logFile, 'utf8'));
		return { ...w, isReady };
	}

	/**
	 * The bytes of a binary item as n8n stored them: inline base64 (1.x default mode) or a filesystem-v2 file.
	 * Returns null when they live elsewhere (database, S3).
	 * @param {Record<string, any>} binary
	 */
	binaryBytes(binary) {
		if (!binary) return null;
		const id = typeof binary.id === 'string' ? binary.id : '';
		if (id.startsWith('filesystem-v2:')) {
			const file = path.join(this.home, '.n8n', 'storage', id.slice('filesystem-v2:'.length));
			return fs.existsSync(file) ? fs.readFileSync(file) : null;
		}
		if (!id && typeof binary.data === 'string' && binary.data.length > 20)
			return Buffer.from(binary.data, 'base64');
		return null;
	}
}

/**
 * Rewrites a workflow from examples/ for this home: credential references point at the imported credential.
 * @param {Record<string, any>} workflow
 */
function withCredential(workflow) {
	const wf = JSON.parse(JSON.stringify(workflow));
	for (const node of wf.nodes) {
		if (node.credentials && node.credentials.bflApi)
			node.credentials.bflApi = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };
	}
	return wf;
}

module.exports = {
	N8nHome,
	freePort,
	withCredential,
	PACKAGE_NAME,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
};
