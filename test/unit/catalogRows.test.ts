import { flux2, referenceImages, tool } from '../../nodes/Bfl/catalog/families';
import { FIELDS, SHARED_FIELDS, USER_ID_LENGTH } from '../../nodes/Bfl/catalog/fields';
import { VIDEO_FIELDS, VIDEO_MODELS } from '../../nodes/Bfl/catalog/videoModels';

describe('catalog row builders', () => {
	it('build a row from named fields: the path follows the id, a change overrides the family', () => {
		const row = flux2({
			operation: 'edit',
			id: 'flux-2-example',
			displayName: 'Example',
			description: 'A row for the test',
			primary: ['prompt'],
			images: referenceImages({ max: 3, required: 1 }),
		});
		expect(row).toMatchObject({
			operation: 'edit',
			id: 'flux-2-example',
			path: '/v1/flux-2-example',
			family: 'flux2',
			primary: ['prompt'],
			images: { slots: ['input_image', 'input_image_2', 'input_image_3'], required: 1 },
		});
		expect(row.images?.urlAllowed).toBe(true);
	});

	it('merge a row’s fields into its family’s and drop the ones set to undefined', () => {
		const row = tool({
			operation: 'edit',
			id: 'flux-tools/example-v1',
			displayName: 'Example tool',
			description: 'A tool row for the test',
			fields: { seed: undefined, dilatePixels: { range: { min: 0, max: 5 } } },
		});
		expect(Object.keys(row.fields).sort()).toEqual(
			['dilatePixels', 'outputFormat', 'safetyTolerance', 'user'].sort(),
		);
	});
});

describe('field shapes shared by image and video', () => {
	it.each(Object.keys(SHARED_FIELDS) as Array<keyof typeof SHARED_FIELDS>)(
		'%s is one definition for both',
		(name) => {
			expect(FIELDS[name]).toBe(SHARED_FIELDS[name]);
			expect(VIDEO_FIELDS[name]).toBe(SHARED_FIELDS[name]);
		},
	);

	it('the end-user id has one length limit', () => {
		for (const row of VIDEO_MODELS) expect(row.fields.user?.length).toBe(USER_ID_LENGTH);
	});
});
