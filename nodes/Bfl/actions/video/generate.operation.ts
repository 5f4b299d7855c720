import { defineOperation } from '../operation';
import { videoOperation } from './videoRequest';

export const operation = defineOperation('video', 'generate', videoOperation('generate'));
