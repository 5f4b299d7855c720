/**
 * Output size presets for models that take width and height. Each is a multiple of 32 and at most
 * 1440 per side, so it suits FLUX.2 (multiples of 16) and FLUX1.1 [pro]/[dev] (256–1440, ×32) alike.
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
] as const;

export const CUSTOM_SIZE = 'custom';

/** Width and height of a preset value such as "1344x768"; undefined for "custom" or unknown values. */
export function presetSize(value: unknown): { width: number; height: number } | undefined {
	const preset = SIZE_PRESETS.find((entry) => entry.value === value);
	if (!preset) return undefined;
	const [width, height] = preset.value.split('x').map(Number);
	return { width, height };
}
