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

export interface PickerEntry {
	name: string;
	displayName: string;
	description: string;
	actions: string[];
}

/**
 * The picker's entries for a set of nodes, merged as n8n's editor merges them (2.41.1 and 1.123.81:
 * generateMergedNodesAndActions): a trigger whose type name less "Trigger" names a node with actions
 * joins that node's entry, adding its events, and its description replaces the node's there.
 */
export function pickerEntries(
	nodes: Array<{ type: string; description: INodeTypeDescription; codex: Codex }>,
): PickerEntry[] {
	const entries: PickerEntry[] = [];
	const isTrigger = (d: INodeTypeDescription) => d.group.includes('trigger');
	for (const { type, description, codex } of nodes.filter((n) => !isTrigger(n.description)))
		entries.push({
			name: type,
			displayName: description.displayName,
			description: description.description,
			actions: pickerActions(description, codex),
		});
	for (const { type, description, codex } of nodes.filter((n) => isTrigger(n.description))) {
		const events = pickerActions(description, codex);
		const app = entries.find((entry) => entry.name === type.replace('Trigger', ''));
		if (app && app.actions.length > 0) {
			app.actions.push(...events);
			app.description = description.description;
		} else
			entries.push({
				name: type,
				displayName: description.displayName,
				description: description.description,
				actions: events,
			});
	}
	return entries;
}
