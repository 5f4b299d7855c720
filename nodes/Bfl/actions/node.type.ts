import type { AllEntities } from 'n8n-workflow';

/** Every resource and its operations, as the workflow stores them (values, not labels). */
type NodeMap = {
	account: 'getCredits';
	finetune: 'create' | 'delete' | 'generate' | 'getDetails' | 'getStatus' | 'list';
	image: 'generate' | 'edit';
	task: 'getResult';
	video: 'generate' | 'enhanceDraft' | 'edit' | 'upscale';
};

export type BflNodeType = AllEntities<NodeMap>;
export type BflResource = BflNodeType['resource'];
export type OperationOf<R extends BflResource> = Extract<BflNodeType, { resource: R }>['operation'];
