// Prints jest's totals as one plain closing line ("jest: N passed, N failed, N skipped") for CI.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
		console.log(
			`jest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`,
		);
	}
}

module.exports = SummaryReporter;
