import {
	NodeHelpers,
	Workflow,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { Bfl } from '../../nodes/Bfl/Bfl.node';
import { BflTrigger } from '../../nodes/BflTrigger/BflTrigger.node';

export const bfl = new Bfl();
export const trigger = new BflTrigger();
export const description: INodeTypeDescription = bfl.description;

const node = (parameters: INodeParameters): INode => ({
	id: 'bfl-1',
	name: 'Black Forest Labs',
	type: 'n8n-nodes-bfl.bfl',
	typeVersion: 1,
	position: [0, 0],
	parameters,
});

/** The node's parameters as the editor keeps them: the given values plus the defaults of what is shown. */
export function withDefaults(parameters: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(
		description.properties,
		parameters,
		true,
		false,
		node(parameters),
		description,
	) as INodeParameters;
}

/** The top-level properties the editor shows for these parameters, in panel order. */
export function shown(parameters: INodeParameters): INodeProperties[] {
	const values = withDefaults(parameters);
	return description.properties.filter((property) =>
		NodeHelpers.displayParameter(values, property, node(values), description),
	);
}

/** The first shown top-level property of this name. */
export function shownProperty(parameters: INodeParameters, name: string): INodeProperties {
	const property = shown(parameters).find((candidate) => candidate.name === name);
	if (!property) throw new Error(`${name} is not shown for ${JSON.stringify(parameters)}`);
	return property;
}

/** The names of a shown collection's options that the editor offers for these parameters. */
export function shownOptions(
	parameters: INodeParameters,
	collection: string,
	collectionValue: INodeParameters = {},
): string[] {
	const values = withDefaults(parameters);
	const property = shownProperty(parameters, collection);
	return (property.options as INodeProperties[])
		.filter((option) =>
			NodeHelpers.displayParameter(collectionValue, option, node(values), description, values),
		)
		.map((option) => option.name);
}

/** The subtitle the editor draws under the node on the canvas for these parameters. */
export function subtitleFor(parameters: INodeParameters): unknown {
	const nodeTypes = {
		getByName: () => bfl,
		getByNameAndVersion: () => bfl,
		getKnownTypes: () => ({}),
	};
	const current = node(parameters);
	const workflow = new Workflow({
		nodes: [current],
		connections: {},
		active: false,
		nodeTypes,
	} as unknown as ConstructorParameters<typeof Workflow>[0]);
	return workflow.expression.getSimpleParameterValue(
		current,
		description.subtitle as string,
		'internal',
		{},
	);
}

/** The options of a resource's Operation picker. */
export function operationsOf(resource: string): INodePropertyOptions[] {
	const picker = description.properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === resource,
	);
	return (picker?.options ?? []) as INodePropertyOptions[];
}
