import { RoomTest } from '../../nodes/Bfl/core/pacing/roomTest';

describe('RoomTest: the one submit over the limit that shows whether the account has room', () => {
	it('is due from its planned time, and a second plan waits for the first test to be answered', () => {
		const test = new RoomTest();
		expect(test.due(1_000)).toBe(false);
		test.plan(1_600);
		expect(test.wakeAt(1_000)).toBe(1_600);
		expect(test.due(1_599)).toBe(false);
		expect(test.due(1_600)).toBe(true);
		test.plan(1_200); // planned already: unchanged
		expect(test.wakeAt(1_000)).toBe(1_600);
		test.sent(1_650);
		expect(test.due(5_000)).toBe(false);
		expect(test.wakeAt(1_700)).toBe(Infinity);
		test.plan(2_000); // its answer is awaited: unchanged
		expect(test.due(5_000)).toBe(false);
	});

	it('takes the first answer to a submit sent since the test went out as its answer, once', () => {
		const test = new RoomTest();
		expect(test.answers(1_000)).toBe(false); // no test out
		test.plan(1_000);
		test.sent(1_000);
		expect(test.answers(999)).toBe(false); // sent before the test: another submit's answer
		expect(test.answers(undefined)).toBe(false);
		expect(test.answers(1_000)).toBe(true);
		expect(test.answers(1_000)).toBe(false);
		test.plan(3_000);
		expect(test.due(3_000)).toBe(true);
	});

	it('forgets a planned or sent test on reset', () => {
		const test = new RoomTest();
		test.plan(1_000);
		test.reset();
		expect(test.due(10_000)).toBe(false);
		test.plan(2_000);
		test.sent(2_000);
		test.reset();
		expect(test.answers(2_500)).toBe(false);
	});
});
