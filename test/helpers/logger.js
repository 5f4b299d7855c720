// @ts-check
/**
 * The logger n8n-core hands to nodes as `this.logger` (one instance from its DI container), so a
 * test can spy on what the node logs. Plain JS: these are n8n-core's own packages, resolved from
 * n8n-core, which may hold copies of its own.
 */
const fromCore = (/** @type {string} */ name) =>
	require(require.resolve(name, { paths: [require.resolve('n8n-core')] }));

function nodeLogger() {
	const { Container } = fromCore('@n8n/di');
	const { Logger } = fromCore('@n8n/backend-common');
	return Container.get(Logger);
}

module.exports = { nodeLogger };
