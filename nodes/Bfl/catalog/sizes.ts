import type { ModelSpec } from './types';

/**
 * Output size presets for models that take width and height. The first ones are multiples of 32
 * and at most 1440 per side, so they suit FLUX.2 (multiples of 16) and FLUX1.1 [pro]/[dev]
 * (256–1440, ×32) alike; the larger ones reach FLUX.2's 4-megapixel limit and are offered only
 * where a model takes them.
 */
export const SIZE_PRESETS = [
	{ name: 'Square 1:1 (1024×1024)', value: '1024x1024' },
	{ name: 'Landscape 16:9 (1344×768)', value: '1344x768' },
	{ name: 'Portrait 9:16 (768×1344)', value: '768x1344' },
	{ name: 'Landscape 3:2 (1216×832)', value: '1216x832' },
	{ name: 'Portrait 2:3 (832×1216)', value: '832x1216' },
	{ name: 'Landscape 4:3 (1152×896)', value: '1152x896' },
	{ name: 'Portrait 3:4 (896×1152)', value: '896x1152' },
	{ name: 'Large Square (1440×1440)', value: '1440x1440' },
	{ name: 'Full HD 16:9 (1920×1088)', value: '1920x1088' },
	{ name: 'Full HD 9:16 (1088×1920)', value: '1088x1920' },
	{ name: '4 MP Square (2048×2048)', value: '2048x2048' },
	{ name: '4 MP 16:9 (2560×1440)', value: '2560x1440' },
	{ name: '4 MP 9:16 (1440×2560)', value: '1440x2560' },
	{ name: '4 MP 3:2 (2496×1664)', value: '2496x1664' },
] as const;

export const CUSTOM_SIZE = 'custom';

/** Width and height of a preset value such as "1344x768"; undefined for "custom" or unknown values. */
export function presetSize(value: unknown): { width: number; height: number } | undefined {
	const preset = SIZE_PRESETS.find((entry) => entry.value === value);
	if (!preset) return undefined;
	const [width, height] = preset.value.split('x').map(Number);
	return { width, height };
}

/** Whether a model takes this size: its ranges, its multiple and its megapixel limit. */
export function fitsModel(spec: ModelSpec, width: number, height: number): boolean {
	const [w, h] = [spec.fields.width?.range, spec.fields.height?.range];
	if (!w || !h || spec.size.kind === 'aspectRatio') return false;
	const { multiple, maxMegapixels } =
		spec.size.kind === 'pixels' ? spec.size : { multiple: 1, maxMegapixels: undefined };
	return (
		width >= w.min &&
		width <= w.max &&
		height >= h.min &&
		height <= h.max &&
		width % multiple === 0 &&
		height % multiple === 0 &&
		(!maxMegapixels || width * height <= maxMegapixels * 1024 * 1024)
	);
}

/** The presets a model takes. */
export function presetsFor(spec: ModelSpec): Array<(typeof SIZE_PRESETS)[number]> {
	return SIZE_PRESETS.filter((preset) => {
		const size = presetSize(preset.value) as { width: number; height: number };
		return fitsModel(spec, size.width, size.height);
	});
}
