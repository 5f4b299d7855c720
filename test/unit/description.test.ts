import { BflApi } from '../../credentials/BflApi.credentials';
import bflCodex from '../../nodes/Bfl/Bfl.node.json';
import { MODELS } from '../../nodes/Bfl/catalog/models';
import triggerCodex from '../../nodes/BflTrigger/BflTrigger.node.json';
import { description, operationsOf, subtitleFor, trigger } from '../helpers/description';
import { pickerActions, pickerEntries, type Codex } from '../helpers/pickerActions';

const RESOURCES = ['account', 'finetune', 'image', 'task', 'video'];

describe('findable in the node picker', () => {
	it.each([
		['Bfl.node.json', bflCodex as Codex],
		['BflTrigger.node.json', triggerCodex as Codex],
	])('%s is not in the codex category "AI"', (_file, codex) => {
		// n8n 2.x drops AI-category nodes from search outside the AI view unless they are root nodes.
		expect(codex.categories).not.toContain('AI');
		expect(codex.subcategories?.AI).toBeUndefined();
		expect(codex.categories?.length).toBeGreaterThan(0);
	});

	it.each([
		'Black Forest',
		'Black Forest Labs',
		'FLUX',
		'BFL',
		'image generation',
		'edit',
		'inpaint',
		'outpaint',
		'erase',
		'try-on',
		'upscale',
		'text to image',
		'image to image',
	])('the node has the alias "%s"', (alias) => {
		expect(bflCodex.alias).toContain(alias);
	});

	it.each(['Black Forest', 'Black Forest Labs', 'FLUX', 'BFL'])(
		'the trigger has the alias "%s"',
		(alias) => {
			expect(triggerCodex.alias).toContain(alias);
		},
	);
});

describe('the picker shows what the node does', () => {
	const entries = pickerEntries([
		{ type: 'n8n-nodes-bfl.bfl', description, codex: bflCodex as Codex },
		{
			type: 'n8n-nodes-bfl.bflTrigger',
			description: trigger.description,
			codex: triggerCodex as Codex,
		},
	]);

	it('merges the trigger into the node, as n8n does with type names bfl and bflTrigger', () => {
		expect(entries.map((entry) => entry.displayName)).toEqual(['Black Forest Labs']);
	});

	it("opens the one entry's description with the action node's own", () => {
		expect(entries[0].description.startsWith(description.description)).toBe(true);
		expect(entries[0].description).toMatch(/start a workflow when BFL posts a finished task/);
	});

	it("would show only the trigger's text over the actions if the trigger said only what it does (the old bug)", () => {
		const old = {
			...trigger.description,
			description: 'Starts a workflow when BFL posts a finished FLUX task',
		};
		const [entry] = pickerEntries([
			{ type: 'n8n-nodes-bfl.bfl', description, codex: bflCodex as Codex },
			{ type: 'n8n-nodes-bfl.bflTrigger', description: old, codex: triggerCodex as Codex },
		]);
		expect(entry.description).not.toContain(description.description);
	});
});

describe('the picker lists real operations only', () => {
	const operations = RESOURCES.flatMap((resource) =>
		operationsOf(resource).map((option) => option.action),
	);

	it('derives exactly the operations as actions', () => {
		expect(operations.length).toBeGreaterThan(8);
		expect(pickerActions(description, bflCodex as Codex).sort()).toEqual([...operations].sort());
	});

	it('would list the options of a "mode" parameter if the codex said AI (the old bug)', () => {
		const asAi = { ...(bflCodex as Codex), categories: ['AI', 'Marketing'] };
		expect(pickerActions(description, asAi)).toEqual(expect.arrayContaining(['General']));
	});

	it('gives every operation an action label, so the picker never shows a bare value', () => {
		for (const resource of RESOURCES)
			for (const option of operationsOf(resource)) expect(option.action).toMatch(/^[A-Z]/);
	});

	it('lists the trigger as one event', () => {
		expect(pickerActions(trigger.description, triggerCodex as Codex)).toEqual([
			'On new Black Forest Labs event',
		]);
	});
});

describe('Finetune → Create', () => {
	const finetune = operationsOf('finetune');
	const picker = description.properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === 'finetune',
	);

	it('is last, labelled deprecated, and never the default', () => {
		expect(finetune[finetune.length - 1]).toMatchObject({
			value: 'create',
			name: expect.stringMatching(/Deprecated/),
			action: expect.stringMatching(/deprecated/),
		});
		expect(picker?.default).not.toBe('create');
	});
});

describe('subtitle on the canvas', () => {
	it.each([
		[{ resource: 'image', operation: 'generate', model: 'flux-2-pro' }, 'Generate: FLUX.2 [pro]'],
		[
			{ resource: 'image', operation: 'edit', model: 'flux-tools/erase-v1' },
			'Edit: FLUX Tools Erase',
		],
		[
			{ resource: 'finetune', operation: 'generate', model: 'flux-2-klein-4b-finetuned' },
			'Generate: FLUX.2 [klein] 4B LoRA',
		],
		[{ resource: 'account', operation: 'getCredits' }, 'Get Credits'],
		[{ resource: 'task', operation: 'getResult' }, 'Get Result'],
		[{ resource: 'finetune', operation: 'list' }, 'List'],
		// An expression the editor cannot resolve (it reads the input) leaves the operation alone.
		[{ resource: 'image', operation: 'generate', model: '={{ $json.model }}' }, 'Generate'],
		[
			{ resource: 'video', operation: 'generate', videoMode: 'i2v' },
			'Video: Generate (Image to Video)',
		],
		[
			{ resource: 'video', operation: 'generate', videoMode: 'v2v' },
			'Video: Generate (Continue Video)',
		],
		// The mode left at its default is not stored in the workflow.
		[{ resource: 'video', operation: 'generate' }, 'Video: Generate (Text to Video)'],
		[
			{ resource: 'video', operation: 'generate', videoMode: '={{ $json.mode }}' },
			'Video: Generate',
		],
		[{ resource: 'video', operation: 'enhanceDraft' }, 'Video: Enhance Draft'],
		[{ resource: 'video', operation: 'edit' }, 'Video: Edit'],
		[{ resource: 'video', operation: 'upscale' }, 'Video: Upscale'],
	])('%j reads "%s"', (parameters, expected) => {
		expect(subtitleFor(parameters)).toBe(expected);
	});

	it('names every catalog model by its display name', () => {
		for (const model of MODELS)
			expect(
				subtitleFor({
					resource: model.operation === 'finetune' ? 'finetune' : 'image',
					operation: model.operation === 'finetune' ? 'generate' : model.operation,
					model: model.id,
				}),
			).toBe(`${model.operation === 'edit' ? 'Edit' : 'Generate'}: ${model.displayName}`);
	});

	it('holds no "}}" before its end, which would cut the expression short', () => {
		const subtitle = String(description.subtitle);
		expect(subtitle.indexOf('}}')).toBe(subtitle.length - 2);
	});
});

describe('credential test messages', () => {
	const rules = (new BflApi().test.rules ?? []) as Array<{
		type: string;
		properties: { value?: unknown; message: string };
	}>;
	const forStatus = (status: number) =>
		rules.find((rule) => rule.type === 'responseCode' && rule.properties.value === status)
			?.properties.message;

	it('says BFL rejected the key on 401 and 403, and names key and region', () => {
		expect(forStatus(401)).toMatch(
			/^BFL rejected the API key \(401\)\. Check the API key and the region/,
		);
		expect(forStatus(403)).toMatch(/\(403\)\. Check the API key and the region/);
	});

	it('keeps the check that a 200 without a credit balance is not BFL', () => {
		expect(rules.some((rule) => rule.type === 'responseSuccessBody')).toBe(true);
	});
});
