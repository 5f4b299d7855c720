// @ts-check
const os = require('node:os');
const path = require('node:path');

// n8n-core writes an instance config (encryption key) into $N8N_USER_FOLDER/.n8n on first use.
process.env.N8N_USER_FOLDER ||= path.join(os.tmpdir(), 'n8n-nodes-bfl-jest');
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
