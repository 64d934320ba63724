import { decodePlanBytes, diffTasks, parseWrittenDate, writtenDate } from './planText';

const task = (number: number, text: string) => ({ number, title: text.slice(0, 4), text });

describe('what a re-import would change', () => {
  test('tasks added, removed and changed, keyed by written number and its occurrence', () => {
    const stored = [task(1, '甲任务内容'), task(2, '乙任务内容'), task(1, '丙任务内容')];
    const next = [task(1, '甲任务内容'), task(1, '丙任务改了'), task(3, '丁任务内容')];
    expect(diffTasks(stored, next)).toEqual({ added: [3], removed: [2], changed: [1] });
  });

  test('the same tasks change nothing', () => {
    const tasks = [task(1, '甲任务内容'), task(2, '乙任务内容')];
    expect(diffTasks(tasks, [...tasks])).toEqual({ added: [], removed: [], changed: [] });
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
