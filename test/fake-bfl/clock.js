// @ts-check
'use strict';

/**
 * The simulator's time. The real clock is wall time; a manual clock stands still until a test
 * calls advance(), so self-tests step task phases explicitly instead of racing a busy machine.
 *
 * @typedef {{ at: number, fire: () => void }} ManualTimer
 * @typedef {object} Clock
 * @property {() => number} now epoch ms
 * @property {(fire: () => void, ms: number) => unknown} setTimer fires once after ms of this clock
 * @property {(timer: unknown) => void} clearTimer
 * @property {(ms: number) => void} advance moves a manual clock on, firing due timers in order; throws on the real clock
 * @property {boolean} manual
 */

/** @returns {Clock} */
function realClock() {
	return {
		manual: false,
		now: () => Date.now(),
		setTimer(fire, ms) {
			const timer = setTimeout(fire, ms);
			timer.unref();
			return timer;
		},
		clearTimer: (timer) => clearTimeout(/** @type {NodeJS.Timeout} */ (timer)),
		advance() {
			throw new Error('advance() needs startFakeBfl({ clock: manualClock() })');
		},
	};
}

/**
 * @param {number} [start] epoch ms the clock shows first
 * @returns {Clock}
 */
function manualClock(start = Date.now()) {
	let now = start;
	/** @type {Set<ManualTimer>} */
	const timers = new Set();
	return {
		manual: true,
		now: () => now,
		setTimer(fire, ms) {
			const timer = { at: now + Math.max(0, ms), fire };
			timers.add(timer);
			return timer;
		},
		clearTimer: (timer) => void timers.delete(/** @type {ManualTimer} */ (timer)),
		advance(ms) {
			const target = now + ms;
			for (;;) {
				let next = /** @type {ManualTimer | undefined} */ (undefined);
				for (const timer of timers)
					if (timer.at <= target && (!next || timer.at < next.at)) next = timer;
				if (!next) break;
				timers.delete(next);
				now = Math.max(now, next.at);
				next.fire();
			}
			now = target;
		},
	};
}

module.exports = { realClock, manualClock };
