// @ts-check
/** Waits until `check()` holds, polling every 20 ms; fails after `timeoutMs`. Plain JS for setTimeout. */
async function waitFor(check, what, timeoutMs = 5000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

module.exports = { waitFor };
