// @ts-check
/**
 * Typed access to what a run produced and what the simulator holds. Each accessor fails with a
 * clear message when the thing is missing, so a test reads a Buffer or a task, not a maybe.
 */

/**
 * The bytes of an output item's binary property.
 * @param {import('./bflWorkflow').OutputItem | import('n8n-workflow').INodeExecutionData} item
 * @param {string} [property]
 * @returns {Buffer}
 */
function bytesOf(item, property = 'data') {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`the item has no binary property "${property}"`);
	return Buffer.from(binary.data, 'base64');
}

/**
 * The simulator's record of a task.
 * @param {{ tasks: Map<string, import('../fake-bfl/tasks').Task> }} fake
 * @param {unknown} id
 */
function taskOf(fake, id) {
	const task = fake.tasks.get(String(id));
	if (!task) throw new Error(`the simulator has no task ${String(id)}`);
	return task;
}

/**
 * The exact bytes the simulator serves for a Ready task.
 * @param {{ imageFor: (id: string) => Buffer | null }} fake
 * @param {unknown} id
 * @returns {Buffer}
 */
function imageOf(fake, id) {
	const bytes = fake.imageFor(String(id));
	if (!bytes) throw new Error(`task ${String(id)} has no image (unknown or not Ready)`);
	return bytes;
}

module.exports = { bytesOf, taskOf, imageOf };
