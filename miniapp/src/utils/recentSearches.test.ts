import { taroTest } from '../../test/taro';
import { clearRecentSearches, MAX_RECENT, readRecentSearches, rememberSearch, withRecent } from '@/utils/recentSearches';
import { keys } from '@/utils/storage';

describe('recent searches', () => {
  beforeEach(() => clearRecentSearches());

  test('the newest search comes first and a repeat moves up instead of appearing twice', () => {
    expect(withRecent(['机器人', '航天'], '航天')).toEqual(['航天', '机器人']);
    expect(withRecent(['机器人'], '  天文  ')).toEqual(['天文', '机器人']);
  });

  test('an empty search is not remembered', () => {
    expect(withRecent(['机器人'], '   ')).toEqual(['机器人']);
  });

  test('at most MAX_RECENT are kept, the oldest dropped', () => {
    let list: string[] = [];
    for (let i = 1; i <= MAX_RECENT + 3; i++) list = withRecent(list, `词${i}`);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(`词${MAX_RECENT + 3}`);
    expect(list).not.toContain('词1');
  });

  test('searches are kept on the device across reads, and clearing forgets them', () => {
    rememberSearch('机器人');
    rememberSearch('航天');
    expect(readRecentSearches()).toEqual(['航天', '机器人']);
    expect(taroTest.storage.has(keys.recentSearches)).toBe(true);
    clearRecentSearches();
    expect(readRecentSearches()).toEqual([]);
    expect(taroTest.storage.has(keys.recentSearches)).toBe(false);
  });

  test('something else stored under the key reads as no searches', () => {
    taroTest.storage.set(keys.recentSearches, JSON.stringify({ not: 'a list' }));
    expect(readRecentSearches()).toEqual([]);
  });
});
