import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MODELS } from '../catalog/models';
import { CUSTOM_MODEL } from '../core/request/customEndpoint';

/** "resource.operation" → the operation's name, read from each resource's Operation picker. */
function operationNames(properties: INodeProperties[]): Record<string, string> {
	const names: Record<string, string> = {};
	for (const property of properties) {
		const resource = property.displayOptions?.show?.resource?.[0];
		if (property.name !== 'operation' || typeof resource !== 'string') continue;
		for (const option of (property.options ?? []) as INodePropertyOptions[])
			names[`${resource}.${String(option.value)}`] = option.name;
	}
	return names;
}

/** Model id → display name; an id shared by Generate and Edit has one name. */
function modelNames(): Record<string, string> {
	const names: Record<string, string> = {};
	for (const model of MODELS) names[model.id] ??= model.displayName;
	names[CUSTOM_MODEL] = 'Custom Endpoint';
	return names;
}

/** Video → Generate's modes: value → name, and the default the editor fills in. */
function videoModes(properties: INodeProperties[]): {
	names: Record<string, string>;
	fallback: string;
} {
	const mode = properties.find((property) => property.name === 'videoMode');
	const names: Record<string, string> = {};
	for (const option of (mode?.options ?? []) as INodePropertyOptions[])
		names[String(option.value)] = option.name;
	return { names, fallback: String(mode?.default ?? '') };
}

/**
 * The canvas subtitle, like n8n's own nodes: "Generate: FLUX.2 [pro]", or the operation alone
 * ("Get Credits") when there is no model or its expression cannot be resolved in the editor
 * ($parameter resolves expressions, and throws for one that reads an unexecuted node). Video says
 * so, with Generate's mode: "Video: Generate (Image to Video)", "Video: Upscale". n8n evaluates
 * subtitles as expressions without access to node code, so the lookup tables are inlined.
 */
export function subtitleExpression(properties: INodeProperties[]): string {
	const models = JSON.stringify(modelNames());
	const operations = JSON.stringify(operationNames(properties));
	const modes = videoModes(properties);
	const modeNames = JSON.stringify(modes.names);
	const fallback = JSON.stringify(modes.fallback);
	const operation = `((${operations})[$parameter.resource + "." + $parameter.operation] || $parameter.operation)`;
	const mode =
		`(() => { if ($parameter.operation !== "generate") return "";` +
		` try { const name = (${modeNames})[$parameter.videoMode || ${fallback}];` +
		` return name ? " (" + name + ")" : ""; } catch (error) { return ""; } })()`;
	const model =
		`(() => { try { const name = (${models})[$parameter.model];` +
		` return name ? ": " + name : ""; } catch (error) { return ""; } })()`;
	return `={{ $parameter.resource === "video" ? "Video: " + ${operation} + ${mode} : ${operation} + ${model} }}`;
}
