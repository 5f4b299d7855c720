import { MAX_SEED } from '../../catalog/fields';
import { describeValue, strictNumber } from './numericOptions';
import type { Problem } from './validate';

/** Number of Images: one item may ask for up to this many tasks. */
export const MAX_IMAGES_PER_ITEM = 10;

/** Number of Images as given (a number or decimal text, see strictNumber); unset is 1. */
export function readImageCount(raw: unknown): number {
	return strictNumber(raw) ?? 1;
}

/** Checks Number of Images and that a given seed leaves room for seed, seed + 1, … */
export function checkImageCount(
	raw: unknown,
	seed: number | undefined,
	max = MAX_IMAGES_PER_ITEM,
): Problem[] {
	const field = 'Number of Images';
	const count = readImageCount(raw);
	if (!Number.isInteger(count) || count < 1 || count > max)
		return [
			{
				field,
				message: `Number of Images must be a whole number from 1 to ${max} (got ${describeValue(raw)})`,
			},
		];
	if (seed !== undefined && seed + count - 1 > MAX_SEED)
		return [
			{
				field,
				message: `Seed ${seed} leaves no room for ${count} images (seeds go up to ${MAX_SEED})`,
			},
		];
	return [];
}

/** The seed of each image: s, s + 1, … when a seed is given, else none (BFL picks one per task). */
export function seedsFor(seed: number | undefined, count: number): Array<number | undefined> {
	return Array.from({ length: count }, (_, i) => (seed === undefined ? undefined : seed + i));
}
