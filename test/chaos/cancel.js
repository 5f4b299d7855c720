// @ts-check
/** An execution cancelled while its items poll: after the cancel, nothing more may reach BFL. */
const { startFakeBfl } = require('../fake-bfl');
const { captureOutput, startChaosRun } = require('./probes');

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Requests already on the wire when the cancel lands may still arrive. */
const IN_FLIGHT_GRACE_MS = 150;

/** @param {string} key */
async function cancelMidPoll(key) {
	const fake = await startFakeBfl({ apiKey: key, latencyMs: 10_000, concurrencyCap: 24 });
	try {
		const capture = captureOutput();
		const run = startChaosRun({
			fake,
			key,
			prompts: Array.from({ length: 40 }, (_, i) => `cancel item ${i}`),
			options: { pollInterval: 0.2, concurrency: 10 },
		});
		const deadline = Date.now() + 10_000;
		while (fake.stats().polls < 20 && Date.now() < deadline) await sleep(20);
		const cancelledAt = Date.now();
		run.cancel();
		await Promise.race([run.done.catch(() => undefined), sleep(5000)]);
		await sleep(1500);
		const logs = capture.stop();
		const late = fake
			.stats()
			.requests.filter((request) => request.at > cancelledAt + IN_FLIGHT_GRACE_MS);
		const violations = [];
		if (fake.stats().polls < 20) violations.push('the items never reached the polling stage');
		if (logs.includes(key)) violations.push('the key appeared in the logs');
		if (late.length)
			violations.push(
				`${late.length} requests after the cancel: ${late
					.slice(0, 3)
					.map((r) => `${r.method} ${r.path}`)
					.join(', ')}`,
			);
		return {
			requestsAfterCancel: late.length,
			submitsAfterCancel: late.filter((request) => request.method === 'POST').length,
			submittedBefore: fake.stats().accepted,
			violations,
		};
	} finally {
		await fake.close();
	}
}

module.exports = { cancelMidPoll };
