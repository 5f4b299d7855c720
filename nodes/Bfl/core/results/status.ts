/** What a BFL task status means for the caller. */
export type TaskOutcome = 'ready' | 'pending' | 'moderated' | 'failed' | 'notFound';

const TERMINAL: Record<string, TaskOutcome> = {
	Ready: 'ready',
	'Request Moderated': 'moderated',
	'Content Moderated': 'moderated',
	Error: 'failed',
	Failed: 'failed',
	'Task not found': 'notFound',
};

/**
 * Maps a status to an outcome. BFL adds in-flight states over time (Reasoning, Generating), so any
 * status that is not explicitly terminal means "still running" rather than an error.
 */
export function classifyStatus(status: unknown): TaskOutcome {
	return (typeof status === 'string' && TERMINAL[status]) || 'pending';
}
