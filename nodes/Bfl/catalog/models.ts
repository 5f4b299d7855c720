import { EDIT_MODELS } from './editModels';
import { FINETUNE_MODELS } from './finetuneModels';
import { GENERATE_MODELS } from './generateModels';
import type { ModelOperation, ModelSpec } from './types';

export { DEFAULT_CONCURRENCY_CAP, KONTEXT_MAX_CONCURRENCY_CAP } from './families';

/** Every BFL endpoint the node calls, one row each: adding a model is adding a row. */
export const MODELS: readonly ModelSpec[] = [
	...GENERATE_MODELS,
	...EDIT_MODELS,
	...FINETUNE_MODELS,
];

/** The model each operation starts with: FLUX.2 [pro] where it applies. */
export const DEFAULT_MODELS: Record<ModelOperation, string> = {
	generate: 'flux-2-pro',
	edit: 'flux-2-pro',
	finetune: 'flux-pro-1.1-ultra-finetuned',
};

export function modelsFor(operation: ModelOperation): ModelSpec[] {
	return MODELS.filter((model) => model.operation === operation);
}

export function findModel(operation: ModelOperation, id: string): ModelSpec | undefined {
	return MODELS.find((model) => model.operation === operation && model.id === id);
}
