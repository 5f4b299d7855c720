import { MAX_SEED } from '../../nodes/Bfl/catalog/fields';
import { checkImageCount, seedsFor } from '../../nodes/Bfl/core/request/imageCount';

describe('Number of Images', () => {
	it('gives seeds s, s + 1, … when a seed is given, and none otherwise', () => {
		expect(seedsFor(7, 3)).toEqual([7, 8, 9]);
		expect(seedsFor(0, 2)).toEqual([0, 1]);
		expect(seedsFor(undefined, 3)).toEqual([undefined, undefined, undefined]);
	});

	it('takes 1–10 whole images and keeps the last seed in range', () => {
		expect(checkImageCount(1, undefined)).toEqual([]);
		expect(checkImageCount(10, MAX_SEED - 9)).toEqual([]);
		expect(checkImageCount(11, undefined)[0].message).toBe(
			'Number of Images must be a whole number from 1 to 10 (got 11)',
		);
		expect(checkImageCount(0, undefined)).toHaveLength(1);
		expect(checkImageCount(2.5, undefined)).toHaveLength(1);
		// Read as the numeric options are: decimal text counts, true and lists do not.
		expect(checkImageCount(' 3 ', undefined)).toEqual([]);
		for (const raw of [true, [], [3], '3x', NaN])
			expect(checkImageCount(raw, undefined)).toHaveLength(1);
		expect(checkImageCount(10, MAX_SEED - 8)[0].message).toMatch(/leaves no room for 10 images/);
	});
});
