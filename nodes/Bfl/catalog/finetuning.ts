/** BFL's (deprecated) finetune training parameters, from the legacy FinetuneInputs schema. Pure data. */

export const FINETUNE_MODES = ['general', 'character', 'style', 'product'] as const;
export const FINETUNE_PRIORITIES = ['speed', 'quality', 'high_res_only'] as const;
export const FINETUNE_TYPES = ['full', 'lora'] as const;
export const LORA_RANKS = [16, 32] as const;

export const ITERATIONS = { min: 100, max: 1000 };
export const LEARNING_RATE = { min: 0.000001, max: 0.005 };

/** BFL's guide: 1–20 training images (JPG, PNG, WebP), optional same-name .txt captions. */
export const TRAINING_IMAGES = { min: 1, max: 20 };

/**
 * Our own ceiling for a training ZIP. BFL documents none; its guide's 20 images of at most 1 MP
 * fit in a few MB, and a body this large is a mistake (a video, a whole folder) worth stopping early.
 */
export const MAX_TRAINING_ZIP_BYTES = 50 * 1024 * 1024;

/** BFL deprecated training on this date, with no migration path. */
export const TRAINING_DEPRECATED_ON = '2025-10-31';
