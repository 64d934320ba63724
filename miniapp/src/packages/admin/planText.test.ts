import { decodePlanBytes, parseWrittenDate, splitPoints, taskTarget, writtenDate } from './planText';

describe('where a task can be split', () => {
  test('after each sentence, each point named by a start of the next sentence that occurs first right there', () => {
    const text = '推进科学教育。组织科技竞赛；开展科学教育。组织科技竞赛活动。';
    expect(splitPoints(text)).toEqual([
      { at: 7, before: '组织科技竞赛' },
      { at: 14, before: '开展科学教育' },
      // 组织科技竞赛 occurs first at 7: the point at 21 needs a longer start.
      { at: 21, before: '组织科技竞赛活' },
    ]);
  });

  test('a task of one sentence, or one ending in a stop, has no point', () => {
    expect(splitPoints('推进科学教育。')).toEqual([]);
    expect(splitPoints('推进科学教育')).toEqual([]);
  });
});

describe('how a correction names a task', () => {
  test('by its number when only it has that number, else by its position', () => {
    const tasks = [{ number: 1 }, { number: 2 }, { number: 1 }];
    expect(taskTarget(tasks, 1)).toEqual({ number: 2 });
    expect(taskTarget(tasks, 2)).toEqual({ ordinal: 3 });
  });
});

describe('dates as admins type them', () => {
  test.each([
    ['5月17日', '2027-05-17'],
    [' 2027年5月9日 ', '2027-05-09'],
    ['2027-5-23', '2027-05-23'],
    ['5.17', '2027-05-17'],
  ])('%s', (typed, iso) => expect(parseWrittenDate(typed, 2027)).toBe(iso));

  test('a day the calendar does not have, or no date at all, is null', () => {
    expect(parseWrittenDate('2月30日', 2027)).toBeNull();
    expect(parseWrittenDate('下周', 2027)).toBeNull();
  });

  test('shown in full as people write them', () => {
    expect(writtenDate('2024-03-05')).toBe('2024年3月5日');
    expect(writtenDate(null)).toBe('');
  });
});

describe('a plan file as text', () => {
  // jsdom has no TextDecoder; browsers and Node have the one with GB18030.
  beforeAll(() => Object.assign(globalThis, { TextDecoder: jest.requireActual<typeof import('node:util')>('node:util').TextDecoder }));

  test('UTF-8 with its BOM dropped, and GB18030 when the bytes are not UTF-8', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('工作要点', 'utf8')]);
    expect(decodePlanBytes(utf8)).toBe('工作要点');
    // 工作要点 in GB18030.
    expect(decodePlanBytes(new Uint8Array([0xb9, 0xa4, 0xd7, 0xf7, 0xd2, 0xaa, 0xb5, 0xe3]))).toBe('工作要点');
  });
});
