// @ts-check
/**
 * The Logger instance n8n-core hands to nodes as `this.logger`. n8n-core may carry its own copies
 * of @n8n/di and @n8n/backend-common, so they are resolved from n8n-core's folder.
 */
function n8nLogger() {
	const from = { paths: [require.resolve('n8n-core')] };
	const { Container } = require(require.resolve('@n8n/di', from));
	const { Logger } = require(require.resolve('@n8n/backend-common', from));
	return Container.get(Logger);
}

module.exports = { n8nLogger };
