import type { INodePropertyOptions } from 'n8n-workflow';

import {
	defineOperation,
	operationPicker,
	type Operation,
	type ResourceOperations,
} from '../../nodes/Bfl/actions/operation';
import { operationOf, REGISTRY } from '../../nodes/Bfl/actions/registry';
import { description, operationsOf } from '../helpers/description';

const resourceValues = (
	(description.properties.find((property) => property.name === 'resource')?.options ??
		[]) as INodePropertyOptions[]
).map((option) => String(option.value));

const pickerEntries = resourceValues.flatMap((resource) =>
	operationsOf(resource).map((option): [string, string] => [resource, String(option.value)]),
);

const registryEntries = Object.entries(REGISTRY).flatMap(([resource, operations]) =>
	Object.keys(operations).map((operation): [string, string] => [resource, operation]),
);

/** A do-nothing operation whose prepared item is a number. */
const counting: Operation<number> = {
	properties: [{ displayName: 'Count', name: 'count', type: 'number', default: 1 }],
	prepare: async (itemIndex) => itemIndex,
	execute: async (prepared) => [{ json: { prepared } }],
	expand: (prepared) => [prepared, prepared + 10],
	concurrency: (prepared) => ({ key: `k${prepared}`, cap: 1 }),
};

describe('the operation registry', () => {
	it('has exactly the operations the pickers offer', () => {
		expect(pickerEntries.length).toBeGreaterThan(10);
		expect(registryEntries.sort()).toEqual([...pickerEntries].sort());
	});

	it.each(pickerEntries)('finds %s → %s, registered under its own names', (resource, name) => {
		expect(operationOf(resource, name)).toMatchObject({ resource, operation: name });
	});

	it.each([
		['task', 'getResults'],
		['tasks', 'getResult'],
		['account', 'getResult'],
		['image', 'constructor'],
		['toString', 'call'],
		['__proto__', 'valueOf'],
	])('finds nothing for %s → %s, inherited names included', (resource, name) => {
		expect(operationOf(resource, name)).toBeUndefined();
	});
});

describe('defineOperation', () => {
	const registered = defineOperation('image', 'generate', counting);

	it('shows its properties for its resource and operation only', () => {
		expect(registered.description[0].displayOptions?.show).toEqual({
			resource: ['image'],
			operation: ['generate'],
		});
	});

	it('binds each expanded part into a job with its own concurrency group', async () => {
		const jobs = await registered.prepare.call(
			{} as ThisParameterType<typeof registered.prepare>,
			3,
		);
		expect(jobs.map((job) => job.group)).toEqual([
			{ key: 'k3', cap: 1 },
			{ key: 'k13', cap: 1 },
		]);
		expect(await Promise.all(jobs.map(async (job) => await job.run()))).toEqual([
			[{ json: { prepared: 3 } }],
			[{ json: { prepared: 13 } }],
		]);
	});

	it('rejects names node.type.ts lacks at compile time (npm run typecheck)', () => {
		const attempts = [
			// @ts-expect-error: Task has no operation "getResults".
			() => defineOperation('task', 'getResults', counting),
			// @ts-expect-error: getResult belongs to Task, not Account.
			() => defineOperation('account', 'getResult', counting),
			// @ts-expect-error: there is no resource "tasks".
			() => defineOperation('tasks', 'getResult', counting),
		];
		const generate = defineOperation('image', 'generate', counting);
		const edit = defineOperation('image', 'edit', counting);
		// @ts-expect-error: an operation registered under another operation's name.
		const swapped: ResourceOperations<'image'> = { generate: edit, edit };
		// @ts-expect-error: a registry without Edit.
		const incomplete: ResourceOperations<'image'> = { generate };
		const picker = operationPicker('task', 'getResult', [
			// @ts-expect-error: a picker value that node.type.ts lacks.
			{ name: 'Get Results', value: 'getResults' },
		]);
		expect(attempts).toHaveLength(3);
		expect(picker.options).toHaveLength(1);
		expect([swapped.generate.operation, incomplete.generate.operation]).toEqual([
			'edit',
			'generate',
		]);
	});
});
