// @ts-check
/**
 * Waits until `check()` holds, looking every 20 ms. The limit only turns a hang into a clear
 * failure; it is generous because the machine may be busy, and no test relies on it.
 * Plain JS for setTimeout.
 * @param {() => boolean} check
 * @param {string} what
 */
async function waitFor(check, what, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/**
 * Moves a simulator that runs on a manual clock forward in steps until `running` settles, so its
 * tasks finish only once the test has seen what it waits for. Returns what `running` resolves to.
 * @template T
 * @param {{ advance: (ms: number) => void }} fake
 * @param {Promise<T>} running
 * @param {number} [stepMs] simulated milliseconds per step
 * @returns {Promise<T>}
 */
async function advanceUntilSettled(fake, running, stepMs = 100) {
	let settled = false;
	const mark = () => {
		settled = true;
	};
	running.then(mark, mark);
	await advanceUntil(fake, () => settled, Number.POSITIVE_INFINITY, stepMs);
	return await running;
}

/**
 * Moves a simulator on a manual clock forward in steps until `check()` holds, at most `limitMs`
 * simulated milliseconds; returns how far it moved.
 * @param {{ advance: (ms: number) => void }} fake
 * @param {() => boolean} check
 * @param {number} limitMs
 * @param {number} [stepMs]
 */
async function advanceUntil(fake, check, limitMs, stepMs = 100) {
	let advanced = 0;
	while (!check() && advanced < limitMs) {
		fake.advance(stepMs);
		advanced += stepMs;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return advanced;
}

module.exports = { waitFor, advanceUntil, advanceUntilSettled };
