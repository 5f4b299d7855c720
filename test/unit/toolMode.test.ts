import {
	NodeHelpers,
	traverseNodeParameters,
	type FromAIArgument,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { Bfl, properties as plainProperties } from '../../nodes/Bfl/Bfl.node';
import { aiText, fromAI } from '../../nodes/Bfl/descriptions/toolMode';

/**
 * The node as n8n's own code reads it (n8n-workflow 2.41's NodeHelpers, the same rules as
 * 1.123.81): the plain node as the editor and the engine resolve it, and the tool n8n builds at run
 * time, `<name>Tool`, from the very same description (replacements never reach that one).
 */
const shipped = new Bfl().description;

function asTool(description: INodeTypeDescription): INodeTypeDescription {
	// What n8n's convertNodeToAiTool does to the description (packages/cli tool-generation).
	const properties = [...description.properties];
	if (!properties.some((property) => property.name === 'toolDescription')) {
		properties.unshift(
			{
				displayName: 'Tool Description',
				name: 'descriptionType',
				type: 'options',
				options: [
					{ name: 'Set Automatically', value: 'auto' },
					{ name: 'Set Manually', value: 'manual' },
				],
				default: 'auto',
			},
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: description.description,
				displayOptions: { show: { descriptionType: ['manual'] } },
			},
		);
	}
	return { ...description, name: `${description.name}Tool`, properties };
}

/** The node n8n's engine runs: saved parameters plus the defaults of what is displayed. */
function resolved(description: INodeTypeDescription, saved: INodeParameters): INode {
	const node: INode = {
		id: 'n1',
		name: 'Black Forest Labs',
		type: `n8n-nodes-bfl.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: saved,
	};
	const parameters = NodeHelpers.getNodeParameters(
		description.properties,
		saved,
		true,
		false,
		node,
		description,
	);
	return { ...node, parameters: parameters ?? {} };
}

/** What the model is offered: the tool's description and its arguments (n8n-core's getSchema). */
function offered(description: INodeTypeDescription, saved: INodeParameters) {
	const tool = asTool(description);
	const node = resolved(tool, saved);
	const args: FromAIArgument[] = [];
	traverseNodeParameters(node.parameters, args);
	return {
		description: NodeHelpers.getToolDescriptionForNode(node, { description: tool } as never),
		args: Object.fromEntries(args.map((arg) => [arg.key, arg])),
		parameters: node.parameters,
	};
}

/** What a zero-configuration Generate tool must offer; [] when it does. */
function zeroConfigProblems(description: INodeTypeDescription): string[] {
	const { description: text, args } = offered(description, {});
	const problems: string[] = [];
	if (!/describe the picture itself/i.test(args.prompt?.description ?? ''))
		problems.push('no prompt argument with guidance');
	for (const word of ['FLUX', 'imageUrl', 'minutes', 'taskId', 'cost', 'edit'])
		if (!text.includes(word)) problems.push(`tool description lacks "${word}"`);
	return problems;
}

describe('the plain node does not change', () => {
	const plain = { ...shipped, properties: plainProperties };
	const options = (name: string, show: Record<string, string>) =>
		plainProperties
			.filter(
				(property) =>
					property.name === name &&
					Object.entries(show).every(([key, value]) =>
						((property.displayOptions?.show?.[key] ?? [value]) as string[]).includes(value),
					),
			)
			.flatMap((property) => (property.options ?? []) as Array<{ value: string }>)
			.map((option) => option.value);
	const combos: INodeParameters[] = options('resource', {}).flatMap((resource) =>
		options('operation', { resource }).flatMap((operation) => {
			const models = options('model', { resource, operation });
			const extra = [{}, { videoMode: 'i2v' }, { by: 'taskId' }];
			return (models.length ? models : [undefined]).flatMap((model) =>
				extra.map((more) => ({ resource, operation, ...(model && { model }), ...more })),
			);
		}),
	);

	it('covers every resource, operation and model', () => {
		expect(combos.length).toBeGreaterThan(100);
	});

	it.each(combos.map((combo) => [JSON.stringify(combo), combo]))(
		'%s: the same parameters, defaults and fields as before',
		(_name, combo) => {
			const shown = (description: INodeTypeDescription) => {
				const node = resolved(description, combo);
				return description.properties
					.filter((property) =>
						NodeHelpers.displayParameter(node.parameters, property, node, description),
					)
					.map((property) => ({ ...property, displayOptions: undefined }));
			};
			expect(resolved(shipped, combo).parameters).toEqual(resolved(plain, combo).parameters);
			expect(shown(shipped)).toEqual(shown(plain));
		},
	);

	it('keeps every plain property as it was, only hidden where the tool shows its copy', () => {
		const kept = shipped.properties.filter(
			(property) => !(property.displayOptions?.show?.['@tool'] as boolean[] | undefined)?.[0],
		);
		const unhidden = kept.map((property) => {
			if (!property.displayOptions?.hide) return property;
			const hide = { ...property.displayOptions.hide };
			delete hide['@tool'];
			const displayOptions = { ...property.displayOptions };
			if (Object.keys(hide).length) displayOptions.hide = hide;
			else delete displayOptions.hide;
			return { ...property, displayOptions };
		});
		expect(unhidden).toEqual(plainProperties);
	});
});

describe('as an AI agent’s tool with nothing set by hand', () => {
	it('Generate offers the prompt with guidance, and describes what it makes and returns', () => {
		expect(zeroConfigProblems(shipped)).toEqual([]);
		const { args } = offered(shipped, {});
		expect(Object.keys(args).sort()).toEqual(['numberOfImages', 'prompt']);
		expect(args.prompt.type).toBe('string');
		expect(args.prompt.description).toContain('the subject first');
		expect(args.numberOfImages).toMatchObject({ type: 'number', defaultValue: 1 });
	});

	it('fails without the tool-mode description: no argument, the bare action as description', () => {
		const stripped = { ...shipped, properties: plainProperties };
		expect(zeroConfigProblems(stripped)).toEqual(
			expect.arrayContaining(['no prompt argument with guidance', 'tool description lacks "FLUX"']),
		);
		const { description, args } = offered(stripped, {});
		expect(args).toEqual({});
		expect(description).toBe('Generate an image in Black Forest Labs');
	});

	it('survives the editor’s save, which drops values equal to their default', () => {
		const tool = asTool(shipped);
		const editing = resolved(tool, { resource: 'image', operation: 'generate' });
		const saved = NodeHelpers.getNodeParameters(
			tool.properties,
			editing.parameters,
			false,
			false,
			editing,
			tool,
		);
		expect(saved).not.toHaveProperty('prompt');
		expect(offered(shipped, saved ?? {}).args.prompt).toBeDefined();
	});

	it.each([
		['image', 'edit', {}, ['imageUrl', 'prompt']],
		['image', 'generate', { model: 'flux-3-image' }, ['aspectRatio', 'numberOfImages', 'prompt']],
		['video', 'generate', {}, ['prompt']],
		['video', 'generate', { videoMode: 'i2v' }, ['imageUrl', 'prompt']],
		['video', 'edit', {}, ['instruction']],
		['task', 'getResult', {}, ['taskId']],
		['account', 'getCredits', {}, []],
	])('%s → %s %j offers %j', (resource, operation, more, keys) => {
		const { args, description } = offered(shipped, { resource, operation, ...more });
		expect(Object.keys(args).sort()).toEqual(keys);
		expect(description.length).toBeGreaterThan(30);
	});

	it('an edit takes the picture from a URL the model passes', () => {
		const { parameters, args } = offered(shipped, { resource: 'image', operation: 'edit' });
		expect(parameters.images).toEqual({
			image: [{ source: 'url', url: expect.stringContaining("$fromAI('imageUrl'") }],
		});
		expect(args.imageUrl.description).toMatch(/user gave in the chat/);
	});

	it('keeps the user’s own values: a fixed prompt stays, and so does a hand-made $fromAI', () => {
		expect(offered(shipped, { prompt: 'a red fox' }).args.prompt).toBeUndefined();
		const own = "={{ $fromAI('scene', 'the scene', 'string') }}";
		expect(Object.keys(offered(shipped, { prompt: own }).args)).toEqual(
			expect.arrayContaining(['scene']),
		);
	});
});

describe('$fromAI text', () => {
	it('cannot end its string early', () => {
		expect(aiText("the finetune's `word`\\")).toBe('the finetune’s word');
	});

	it.each(
		shipped.properties
			.filter((property: INodeProperties) => JSON.stringify(property.default).includes('$fromAI'))
			.map((property) => [property.name, property]),
	)('%s: n8n reads back exactly one argument with a description', (_name, property) => {
		const args: FromAIArgument[] = [];
		traverseNodeParameters(property.default as INodeParameters, args);
		expect(args).toHaveLength(1);
		expect(args[0].description?.length).toBeGreaterThan(20);
	});

	it('writes the fallback as a literal', () => {
		expect(fromAI('n', 'How many', 'number', 1)).toBe(
			"={{ $fromAI('n', 'How many', 'number', 1) }}",
		);
	});
});
