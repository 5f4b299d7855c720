/**
 * FLUX 3 Image layouts: boxes that ride at the end of the prompt as BFL's JSON rows, each box as
 * [top, left, bottom, right] on a 0–1000 grid of the frame (the grid stretches with the ratio).
 */
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

/** One box on BFL's 0–1000 grid, as [top, left, bottom, right]. */
export function toGrid(box: Box, frame: Frame): [number, number, number, number] {
	const [width, height] = frame.unit === 'percent' ? [100, 100] : [frame.width, frame.height];
	const scale = (value: number, size: number) => Math.round((value / size) * GRID);
	return [
		scale(box.top, height),
		scale(box.left, width),
		scale(box.bottom, height),
		scale(box.right, width),
	];
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
): Problem[] {
	const field = 'Layout';
	const problems: string[] = [];
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
