/**
 * Layout boxes in each model's format. FLUX 3 Image: BFL's JSON rows at the end of the prompt,
 * each box as [top, left, bottom, right] on a 0–1000 grid of the frame (the grid stretches with
 * the ratio). FLUX 3.1 Image: a list in a body field of its own, each box in fractions 0–1.
 */
import type { LayoutFormat } from '../../catalog/types';
import type { Problem } from './validate';

export interface Box {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

/** Where a box's numbers are measured: percent of the frame, or pixels of a frame of this size. */
export type Frame = { unit: 'percent' } | { unit: 'pixels'; width: number; height: number };

export interface LayoutElement {
	/** BFL's element id, also used in the prompt as <id>. */
	id: string;
	description: string;
	/** Where the element goes; undefined (Edit only) removes it. */
	target?: Box;
	targetFrame: Frame;
	/** Edit: the reference image it comes from, counted from 1; undefined for a new element. */
	fromImage?: number;
	/** Edit: where it is in that image. */
	source?: Box;
	sourceFrame?: Frame;
}

export type LayoutMode = 'generate' | 'edit';

const GRID = 1000;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** FLUX 3.1 takes at most 32 boxes. */
export const MAX_FIELD_BOXES = 32;

type Edges = [number, number, number, number];

/** A box as [top, left, bottom, right], each edge scaled by `scale(value, frame side)`. */
function edges(box: Box, frame: Frame, scale: (value: number, size: number) => number): Edges {
	const [width, height] = frame.unit === 'percent' ? [100, 100] : [frame.width, frame.height];
	return [
		scale(box.top, height),
		scale(box.left, width),
		scale(box.bottom, height),
		scale(box.right, width),
	];
}

/** One box on BFL's 0–1000 grid, as [top, left, bottom, right]. */
export function toGrid(box: Box, frame: Frame): Edges {
	return edges(box, frame, (value, size) => Math.round((value / size) * GRID));
}

/** One box in fractions 0–1 of the frame, as [top, left, bottom, right], to 4 decimals. */
export function toFractions(box: Box, frame: Frame): Edges {
	return edges(box, frame, (value, size) => Math.round((value / size) * 10_000) / 10_000);
}

function boxProblem(label: string, box: Box, frame: Frame): string | undefined {
	const [width, height] = frame.unit === 'percent' ? [100, 100] : [frame.width, frame.height];
	const unit = frame.unit === 'percent' ? '%' : ' px';
	if (!(width > 0 && height > 0))
		return `${label}: the frame width and height must be positive numbers of pixels`;
	const { top, left, bottom, right } = box;
	const numbers = [top, left, bottom, right].every((value) => Number.isFinite(value));
	if (!numbers) return `${label}: top, left, bottom and right must be numbers`;
	if (Math.min(top, left, bottom, right) < 0 || bottom > height || right > width)
		return `${label} must lie inside the frame (0–${width}${unit} across, 0–${height}${unit} down)`;
	if (top >= bottom || left >= right)
		return `${label} must have top above bottom and left left of right (got top ${top}, left ${left}, bottom ${bottom}, right ${right})`;
	return undefined;
}

/** Checks every element before anything is sent; `imageCount` bounds "from image N" in Edit. */
export function checkLayout(
	elements: LayoutElement[],
	mode: LayoutMode,
	imageCount: number,
	maxBoxes = Infinity,
): Problem[] {
	const field = 'Layout';
	const problems: string[] = [];
	if (elements.length > maxBoxes)
		problems.push(`This model takes at most ${maxBoxes} layout boxes (got ${elements.length})`);
	const seen = new Set<string>();
	elements.forEach((element, i) => {
		const name = `Layout box ${i + 1}`;
		if (!ID.test(element.id))
			problems.push(
				`${name}: the element ID must be 1–64 letters, digits, _ or - (got "${element.id}")`,
			);
		else if (seen.has(element.id))
			problems.push(`${name}: the element ID "${element.id}" is used twice`);
		seen.add(element.id);
		if (element.target) {
			const problem = boxProblem(name, element.target, element.targetFrame);
			if (problem) problems.push(problem);
		} else if (mode === 'generate') problems.push(`${name} needs a target box`);
		if (mode === 'edit' && element.fromImage !== undefined) {
			if (
				!Number.isInteger(element.fromImage) ||
				element.fromImage < 1 ||
				element.fromImage > imageCount
			)
				problems.push(
					`${name}: "from image" must be one of the ${imageCount} input image${imageCount === 1 ? '' : 's'} (got ${element.fromImage})`,
				);
			if (element.source) {
				const problem = boxProblem(
					`${name} (source)`,
					element.source,
					element.sourceFrame ?? element.targetFrame,
				);
				if (problem) problems.push(problem);
			}
		}
		if (mode === 'edit' && !element.target && element.fromImage === undefined)
			problems.push(`${name}: a new element needs a target box`);
	});
	return problems.map((message) => ({ field, message }));
}

/** BFL's rows for the elements, in order. */
export function layoutRows(elements: LayoutElement[], mode: LayoutMode): object[] {
	return elements.map((element) => {
		const target = element.target ? toGrid(element.target, element.targetFrame) : null;
		if (mode === 'generate') return { id: element.id, bbox: target, desc: element.description };
		const from = element.fromImage === undefined ? null : `ref_image_${element.fromImage - 1}`;
		const source =
			from && element.source
				? toGrid(element.source, element.sourceFrame ?? element.targetFrame)
				: null;
		return { id: element.id, from, src_bbox: source, tgt_bbox: target, desc: element.description };
	});
}

/** The prompt with the layout appended as one JSON array; unchanged without elements. */
export function withLayout(prompt: string, elements: LayoutElement[], mode: LayoutMode): string {
	if (!elements.length) return prompt;
	return `${prompt.trimEnd()}\n\n${JSON.stringify(layoutRows(elements, mode))}`;
}

/**
 * FLUX 3.1's boxes, in fractions. A moved element names its image as `ref_image_<n>` from 0 and
 * gives `src_bbox` and `tgt_bbox` (null removes it); a new one only its box. The description is
 * sent only when given (BFL's own field list is unpublished).
 */
export function layoutBoxes(elements: LayoutElement[], mode: LayoutMode): object[] {
	return elements.map((element) => {
		const target = element.target ? toFractions(element.target, element.targetFrame) : null;
		const desc = element.description.trim() ? { desc: element.description.trim() } : {};
		if (mode === 'generate' || element.fromImage === undefined)
			return { name: element.id, [mode === 'generate' ? 'bbox' : 'tgt_bbox']: target, ...desc };
		const source = element.source
			? toFractions(element.source, element.sourceFrame ?? element.targetFrame)
			: null;
		return {
			name: element.id,
			from: `ref_image_${element.fromImage - 1}`,
			src_bbox: source,
			tgt_bbox: target,
			...desc,
		};
	});
}

/** The prompt and the body fields that carry a layout in the model's format. */
export function applyLayout(
	format: LayoutFormat | undefined,
	prompt: string,
	elements: LayoutElement[],
	mode: LayoutMode,
): { prompt: string; fields: Record<string, object[]> } {
	if (!format || !elements.length) return { prompt, fields: {} };
	if (format.kind === 'prompt') return { prompt: withLayout(prompt, elements, mode), fields: {} };
	return { prompt, fields: { [format.field]: layoutBoxes(elements, mode) } };
}
