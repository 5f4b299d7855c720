import { classifyStatus } from '../../nodes/Bfl/core/results/status';

describe('classifyStatus', () => {
	it.each([
		['Ready', 'ready'],
		['Request Moderated', 'moderated'],
		['Content Moderated', 'moderated'],
		['Error', 'failed'],
		['Failed', 'failed'],
		['Task not found', 'notFound'],
	])('treats %s as %s', (status, outcome) => {
		expect(classifyStatus(status)).toBe(outcome);
	});

	it.each(['Pending', 'Reasoning', 'Generating', 'Queued', 'ready', '', undefined, null, 3])(
		'treats %p as still running',
		(status) => {
			expect(classifyStatus(status)).toBe('pending');
		},
	);
});
