// @ts-check
'use strict';

/**
 * What the editor should show, read from the node in the tarball under test (unpacked beside the run): its
 * display name, the real operations per resource and the action labels the picker derives from them.
 */

const fs = require('node:fs');
const path = require('node:path');
const { run } = require('../../e2e/lib/proc');
const { REPO } = require('../../e2e/lib/pack');

let packageDir = REPO;

/**
 * Unpacks the tarball into `dir`/package, with the repo's node_modules beside it for n8n-workflow.
 * @param {string} tgz @param {string} dir
 */
async function usePackage(tgz, dir) {
	fs.mkdirSync(dir, { recursive: true });
	const r = await run('tar', ['-xzf', tgz, '-C', dir], { timeoutMs: 60000 });
	if (r.code !== 0) throw new Error(`tar failed: ${r.stderr}`);
	fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	packageDir = path.join(dir, 'package');
}

function nodeDescription() {
	const { Bfl } = require(path.join(packageDir, 'dist', 'nodes', 'Bfl', 'Bfl.node.js'));
	return /** @type {import('n8n-workflow').INodeTypeDescription} */ (new Bfl().description);
}

function triggerDescription() {
	const { BflTrigger } = require(
		path.join(packageDir, 'dist', 'nodes', 'BflTrigger', 'BflTrigger.node.js'),
	);
	return /** @type {import('n8n-workflow').INodeTypeDescription} */ (new BflTrigger().description);
}

/** The node's name as the picker lists it. */
const nodeName = () => nodeDescription().displayName;

/** @param {unknown} options */
const optionsOf = (options) =>
	/** @type {import('n8n-workflow').INodePropertyOptions[]} */ (options ?? []);

/** Every resource with its operations' names and picker actions, as the node declares them. */
function operationsByResource() {
	const d = nodeDescription();
	const resource = d.properties.find((p) => p.name === 'resource');
	return optionsOf(resource?.options).map((r) => {
		const ops = d.properties.find(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(r.value),
		);
		return {
			resource: r.name,
			operations: optionsOf(ops?.options).map((o) => ({
				name: o.name,
				action: o.action ?? `${r.name} ${o.name}`,
			})),
		};
	});
}

/** The actions the picker should list: one per real operation. */
function pickerActions() {
	return operationsByResource().flatMap((r) => r.operations.map((o) => o.action));
}

module.exports = {
	usePackage,
	nodeName,
	nodeDescription,
	triggerDescription,
	operationsByResource,
	pickerActions,
};
