/** Aspect ratios as BFL's schemas list them, widest first. Pure data. */

/** FLUX 3 Image's 15 ratios; its schema also takes `auto`, BFL's default (FLUX3_ASPECT_RATIO_VALUES). */
export const FLUX3_ASPECT_RATIOS = [
	'21:9',
	'2:1',
	'16:9',
	'3:2',
	'7:5',
	'4:3',
	'5:4',
	'1:1',
	'4:5',
	'3:4',
	'5:7',
	'2:3',
	'9:16',
	'1:2',
	'9:21',
] as const;

/** Every aspect_ratio value FLUX 3 Image's closed schema accepts. */
export const FLUX3_ASPECT_RATIO_VALUES = ['auto', ...FLUX3_ASPECT_RATIOS] as const;
