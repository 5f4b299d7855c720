/** What the Black Forest Labs node is for, as the node picker shows it. */
export const NODE_DESCRIPTION =
	'Generate and edit images and videos with FLUX models from Black Forest Labs';

/**
 * The trigger's description. n8n's node picker merges a trigger into the node whose type name is
 * its own less "Trigger" (bflTrigger → bfl) and shows the trigger's description on that single
 * entry, in the action picker and the trigger picker alike. So it opens with the node's own
 * description and then says what the trigger adds; type names stay as saved workflows have them.
 */
export const TRIGGER_DESCRIPTION = `${NODE_DESCRIPTION}, and start a workflow when BFL posts a finished task`;
