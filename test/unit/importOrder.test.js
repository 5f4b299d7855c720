// @ts-check
/**
 * The import-order check of `npm run lint` and its fixer in `npm run format` (scripts/importOrder.js),
 * on a scratch file under the git-ignored .tmp/ folder. Plain JS: it writes files.
 */
const fs = require('node:fs');
const path = require('node:path');
const { checkImportOrder } = require('../../scripts/importOrder');

const root = path.join(__dirname, '..', '..');
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
const dir = fs.mkdtempSync(path.join(root, '.tmp', 'import-order-'));
const file = path.join(dir, 'sample.ts');
const relative = path.relative(root, file);

const UNORDERED = [
	"import { zip } from './zip';",
	"import { createHash } from 'node:crypto';",
	"import { alpha } from '../alpha';",
	"import type { INodeProperties } from 'n8n-workflow';",
	'',
	'export const used = [zip, createHash, alpha] as unknown as INodeProperties;',
	'',
].join('\n');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('import order', () => {
	beforeEach(() => fs.writeFileSync(file, UNORDERED));

	it('flags a file whose imports are out of order', async () => {
		expect(await checkImportOrder({ files: [relative], report: false })).toEqual([relative]);
	}, 60_000);

	it('fixes it: built-ins, then packages, then the repository’s own modules, A→Z', async () => {
		expect(await checkImportOrder({ files: [relative], fix: true, report: false })).toEqual([]);
		const imports = fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.filter((line) => line.startsWith('import'));
		expect(imports).toEqual([
			"import { createHash } from 'node:crypto';",
			"import type { INodeProperties } from 'n8n-workflow';",
			"import { alpha } from '../alpha';",
			"import { zip } from './zip';",
		]);
		expect(await checkImportOrder({ files: [relative], report: false })).toEqual([]);
	}, 60_000);
});
