import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

export interface Codex {
	categories?: string[];
	subcategories?: Record<string, string[]>;
	alias?: string[];
}

const optionsOf = (options: unknown) => (options ?? []) as INodePropertyOptions[];

/**
 * The actions n8n's node picker lists for a node, by the rules of its editor (2.41.1 and 1.123.81,
 * read in n8n-io/n8n: useActionsGeneration.ts): a trigger's events, the Operation options of each
 * resource (or of the node, without resources), and, for nodes in the codex category "AI" only,
 * the options of the first parameter named "mode".
 */
export function pickerActions(description: INodeTypeDescription, codex: Codex): string[] {
	const ai = codex.subcategories?.AI ?? [];
	if (ai.includes('Tools') && !ai.includes('Root Nodes')) return [];
	const properties = description.properties;
	const actions: string[] = [];
	if (description.displayName.toLowerCase().includes('trigger')) {
		const events = properties.find((property) =>
			['event', 'events', 'trigger on'].includes(property.displayName.toLowerCase()),
		);
		actions.push(
			...(events
				? optionsOf(events.options).map((option) => option.action ?? option.name)
				: [`On new ${description.displayName.replace('Trigger', '').trim()} event`]),
		);
	}
	const resources = properties.find((property) => property.name === 'resource');
	if (!resources) {
		const operation = properties.find((property) => property.name.toLowerCase() === 'operation');
		actions.push(...optionsOf(operation?.options).map((option) => option.action ?? option.name));
	}
	for (const resource of optionsOf(resources?.options)) {
		const operations = properties.find(
			(property) =>
				property.name === 'operation' &&
				(property.displayOptions?.show?.resource ?? []).includes(resource.value),
		);
		actions.push(
			...optionsOf(operations?.options).map(
				(option) => option.action ?? `${resource.name} ${option.name}`,
			),
		);
	}
	if (codex.categories?.includes('AI')) {
		const mode = properties.find((property) => property.name.toLowerCase() === 'mode');
		actions.push(...optionsOf(mode?.options).map((option) => option.action ?? option.name));
	}
	return actions;
}
