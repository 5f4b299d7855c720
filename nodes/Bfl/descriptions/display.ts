import {
	updateDisplayOptions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

/**
 * updateDisplayOptions for one operation, with resource and operation checked first. n8n stops at
 * the first condition whose value is an expression and shows the field, so when the model is an
 * expression a model-dependent field of another resource would otherwise count as shown (and a
 * required one would block the workflow).
 */
export function forOperation(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	).map((property) => {
		const show = property.displayOptions?.show;
		if (!show) return property;
		const { resource: r, operation: o, ...rest } = show;
		return {
			...property,
			displayOptions: { ...property.displayOptions, show: { resource: r, operation: o, ...rest } },
		};
	});
}

/** The Operation picker of one resource. */
export function operationProperty(
	resource: string,
	defaultOperation: string,
	options: INodePropertyOptions[],
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** The Additional Fields collection of a task operation, its options in alphabetical order. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
