import * as accountResource from './account';
import * as finetuneResource from './finetune';
import * as imageResource from './image';
import type { BflResource } from './node.type';
import type { RegisteredOperation, ResourceOperations } from './operation';
import * as taskResource from './task';
import * as videoResource from './video';

/** Every operation of the node, by resource; its shape comes from node.type.ts. */
export const REGISTRY: { [R in BflResource]: ResourceOperations<R> } = {
	account: accountResource.operations,
	finetune: finetuneResource.operations,
	image: imageResource.operations,
	task: taskResource.operations,
	video: videoResource.operations,
};

/** Own keys only: a parameter such as "constructor" must not reach Object.prototype. */
function isKeyOf<T extends object>(map: T, key: string): key is Extract<keyof T, string> {
	return Object.prototype.hasOwnProperty.call(map, key);
}

function operationIn<R extends BflResource>(
	resource: R,
	name: string,
): RegisteredOperation | undefined {
	const operations: ResourceOperations<R> = REGISTRY[resource];
	return isKeyOf(operations, name) ? operations[name] : undefined;
}

/** The operation the node's parameters name: they are strings, read from the workflow. */
export function operationOf(resource: string, name: string): RegisteredOperation | undefined {
	return isKeyOf(REGISTRY, resource) ? operationIn(resource, name) : undefined;
}
