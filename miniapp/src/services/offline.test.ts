import { taroTest } from '../../test/taro';
import { clearListCache, readCachedList, writeCachedList } from '@/services/offline';

beforeEach(() => taroTest.reset());

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e${i}` }));

describe('the offline copy of lists', () => {
  test('keeps the first page of a list URL and reads it back', () => {
    writeCachedList('/events?city=唐山市', { items: rows(3), nextCursor: 'c1' });
    expect(readCachedList('/events?city=唐山市')).toEqual({ items: rows(3), nextCursor: 'c1' });
    expect(readCachedList('/events?city=柳州市')).toBeNull();
  });

  test('a long page is cut to 50 rows and then claims no next page, so scrolling never skips rows', () => {
    writeCachedList('/events', { items: rows(80), nextCursor: 'c1' });
    const cached = readCachedList('/events')!;
    expect(cached.items).toHaveLength(50);
    expect(cached.nextCursor).toBeNull();
  });

  test('bodies that are not lists (one event, a profile) are not kept', () => {
    writeCachedList('/events/e1', { id: 'e1', title: '科普日' });
    writeCachedList('/me', null);
    expect(readCachedList('/events/e1')).toBeNull();
    expect(taroTest.storage.size).toBe(0);
  });

  test('only the 20 most recently loaded lists are kept; the oldest goes first', () => {
    for (let i = 0; i < 21; i++) writeCachedList(`/events?page=${i}`, { items: rows(1), nextCursor: null });
    expect(readCachedList('/events?page=0')).toBeNull();
    expect(readCachedList('/events?page=1')).not.toBeNull();
    expect(readCachedList('/events?page=20')).not.toBeNull();
    // Reloading a list makes it the newest again.
    writeCachedList('/events?page=1', { items: rows(2), nextCursor: null });
    writeCachedList('/events?page=21', { items: rows(1), nextCursor: null });
    expect(readCachedList('/events?page=1')?.items).toHaveLength(2);
    expect(readCachedList('/events?page=2')).toBeNull();
  });

  test('clearing (a new user signs in) removes every cached list and the index', () => {
    writeCachedList('/me/signups', { items: rows(2), nextCursor: null });
    writeCachedList('/events', { items: rows(2), nextCursor: null });
    taroTest.storage.set('kepu.city', JSON.stringify('唐山市'));
    clearListCache();
    expect([...taroTest.storage.keys()]).toEqual(['kepu.city']);
  });

  test('a full storage costs only the offline copy: writing never throws', () => {
    const full = jest.spyOn(taroTest.storage, 'set').mockImplementation(() => {
      throw new Error('exceed storage max size');
    });
    expect(() => writeCachedList('/events', { items: rows(1), nextCursor: null })).not.toThrow();
    full.mockRestore();
    expect(readCachedList('/events')).toBeNull();
  });
});
