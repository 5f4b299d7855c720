// @ts-check

// n8n-core's instance config goes to a temp folder jest's main process removes at exit; workers inherit it.
require('./test/helpers/scratchUserFolder').scratchUserFolder('jest');
// The engine logs every node error it reports; the tests assert on those errors instead.
process.env.N8N_LOG_LEVEL ||= 'silent';

const tsTransform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
};

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	reporters: ['default', '<rootDir>/test/helpers/summaryReporter.js'],
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: tsTransform,
			setupFilesAfterEnv: ['<rootDir>/test/helpers/jestTimeout.js'],
			testMatch: ['<rootDir>/test/unit/**/*.test.{ts,js}'],
		},
		{
			displayName: 'engine',
			testEnvironment: 'node',
			transform: tsTransform,
			setupFilesAfterEnv: ['<rootDir>/test/helpers/jestTimeout.js'],
			testMatch: [
				'<rootDir>/test/engine/**/*.test.{ts,js}',
				'<rootDir>/test/fake-bfl/**/*.test.{ts,js}',
			],
		},
	],
};
