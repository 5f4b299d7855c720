// @ts-check
/** The hard invariants of the chaos suite; each returns the violations it found (empty = held). */
const { sniffImage } = require('../fake-bfl/images');

/**
 * One output per input, in order, each paired with its input: an image or a clear error.
 * @param {any[]} items @param {number} n @param {RegExp | undefined} allowedErrors
 */
function checkItems(items, n, allowedErrors) {
	/** @type {string[]} */
	const violations = [];
	if (!Array.isArray(items) || items.length !== n) {
		return [`expected ${n} output items, got ${Array.isArray(items) ? items.length : 'none'}`];
	}
	items.forEach((item, i) => {
		const paired = item.pairedItem?.item;
		if (paired !== i) violations.push(`item ${i}: pairedItem ${JSON.stringify(item.pairedItem)}`);
		const { json, binary } = item;
		if (json.error !== undefined) {
			if (typeof json.error !== 'string' || json.error.length < 20)
				violations.push(`item ${i}: unclear error ${JSON.stringify(json.error)}`);
			else if (!allowedErrors?.test(json.error))
				violations.push(`item ${i}: unexpected error "${json.error}"`);
			return;
		}
		const bytes = binary?.data ? Buffer.from(binary.data.data, 'base64') : undefined;
		if (json.status !== 'Ready' || !bytes || !sniffImage(bytes))
			violations.push(`item ${i}: neither an image nor an error`);
	});
	return violations;
}

/**
 * No prompt (one per item) became more than one accepted, billed task.
 * @param {any} fake @param {string[]} prompts
 */
function duplicateSubmits(fake, prompts) {
	const accepted = new Map();
	for (const task of fake.tasks.values())
		accepted.set(task.body?.prompt, (accepted.get(task.body?.prompt) ?? 0) + 1);
	return prompts.filter((prompt) => (accepted.get(prompt) ?? 0) > 1).length;
}

/**
 * Where the key went or showed up: hosts that are not the API, output JSON, errors, logs.
 * @param {import('../fake-bfl').FakeBfl} fake @param {string} key @param {any[]} items @param {string} logs @param {unknown} error
 */
function keyLeaks(fake, key, items, logs, error) {
	const leaks = fake.stats().keyLeaks.map((leak) => `sent to ${leak.server} ${leak.path}`);
	if (JSON.stringify(items ?? []).includes(key)) leaks.push('in output JSON');
	if (logs.includes(key)) leaks.push('in logs');
	const text = error
		? `${/** @type {any} */ (error).message} ${/** @type {any} */ (error).description}`
		: '';
	if (text.includes(key)) leaks.push('in an error');
	return leaks;
}

module.exports = { checkItems, duplicateSubmits, keyLeaks };
