import {
	trainingEntries,
	validateFinetuneCreate,
	buildFinetuneBody,
	checkZipSize,
} from '../../nodes/Bfl/core/bytes/finetune';
import { crc32, createZip, looksLikeZip } from '../../nodes/Bfl/core/bytes/zip';
import { zipEntries } from '../helpers/zipEntries';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a4649460001', 'hex');

describe('createZip', () => {
	it('computes the standard CRC-32', () => {
		expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
		expect(crc32(Buffer.alloc(0))).toBe(0);
	});

	it('writes entries that read back byte for byte with their CRCs', () => {
		const zip = createZip([
			{ name: 'image_001.png', data: PNG },
			{ name: 'image_001.txt', data: Buffer.from('a red fox, TOK') },
		]);
		expect(looksLikeZip(zip)).toBe(true);
		const entries = zipEntries(zip);
		expect(entries.map((entry) => entry.name)).toEqual(['image_001.png', 'image_001.txt']);
		expect(entries[0].data.equals(PNG)).toBe(true);
		expect(entries[1].data.toString()).toBe('a red fox, TOK');
		expect(entries[0].crc).toBe(crc32(PNG));
	});

	it('is deterministic', () => {
		const build = () => createZip([{ name: 'a.png', data: PNG }]);
		expect(build().equals(build())).toBe(true);
		expect(looksLikeZip(createZip([]))).toBe(true);
		expect(looksLikeZip(PNG)).toBe(false);
	});
});

describe('finetune training input', () => {
	it('names images by position and pairs captions with their image', () => {
		const { entries, problems } = trainingEntries([
			{ bytes: PNG, caption: ' TOK on a beach ' },
			{ bytes: JPEG },
		]);
		expect(problems).toEqual([]);
		expect(entries.map((entry) => entry.name)).toEqual([
			'image_001.png',
			'image_001.txt',
			'image_002.jpg',
		]);
		expect(Buffer.from(entries[1].data).toString()).toBe('TOK on a beach');
	});

	it('wants 1 to 20 real images', () => {
		expect(trainingEntries([]).problems[0].message).toBe('BFL trains on 1–20 images (got 0)');
		expect(
			trainingEntries(Array.from({ length: 21 }, () => ({ bytes: PNG }))).problems,
		).toHaveLength(1);
		expect(trainingEntries([{ bytes: Buffer.from('text') }]).problems[0].message).toBe(
			'Training image 1 is not a PNG, JPEG or WebP image',
		);
	});

	it('checks the settings against the legacy training schema', () => {
		expect(
			validateFinetuneCreate({ comment: 'fox', mode: 'character', iterations: 300, loraRank: 16 }),
		).toEqual([]);
		expect(
			validateFinetuneCreate({
				comment: ' ',
				mode: 'portrait',
				iterations: 99,
				learningRate: 0.01,
				loraRank: 8,
			}).map((problem) => problem.message),
		).toEqual([
			'Name is required: BFL shows it as the finetune comment',
			'Mode must be one of general, character, style, product (got "portrait")',
			'Iterations must be a whole number from 100 to 1000 (got 99)',
			'Learning Rate must be a number from 0.000001 to 0.005 (got 0.01)',
			'LoRA Rank must be one of 16, 32 (got 8)',
		]);
	});

	it('reads the numbers as the numeric options are: decimal text counts, true and lists do not', () => {
		const input = { comment: 'fox', mode: 'style', iterations: ' 300 ', loraRank: '32' };
		expect(validateFinetuneCreate(input)).toEqual([]);
		expect(buildFinetuneBody(input, 'UEsD')).toMatchObject({ iterations: 300, lora_rank: 32 });
		expect(
			validateFinetuneCreate({
				comment: 'fox',
				mode: 'style',
				iterations: true,
				learningRate: [],
				loraRank: [16],
			}).map((problem) => problem.message),
		).toEqual([
			'Iterations must be a whole number from 100 to 1000 (got true)',
			'Learning Rate must be a number from 0.000001 to 0.005 (got [])',
			'LoRA Rank must be one of 16, 32 (got [16])',
		]);
	});

	it('sends only what was set', () => {
		expect(
			buildFinetuneBody({ comment: ' fox ', mode: 'general', triggerWord: ' ' }, 'UEsD'),
		).toEqual({
			file_data: 'UEsD',
			finetune_comment: 'fox',
			mode: 'general',
		});
	});

	it('stops a training ZIP over 50 MB', () => {
		expect(checkZipSize(50 * 1024 * 1024)).toBeUndefined();
		expect(checkZipSize(50 * 1024 * 1024 + 1)).toMatch(
			/^The training ZIP is 50\.0 MB; the limit is 50\.0 MB/,
		);
	});
});
