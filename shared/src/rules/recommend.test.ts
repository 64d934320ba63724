import { recommendationReason, recommendFirst } from './recommend';

const event = (title: string, audiences: string[], themes: string[] = []) => ({ title, audiences, themes });

describe('recommendations by who is looking', () => {
  const events = [
    event('机器人编程营', ['青少年']),
    event('银龄健康讲座', ['社区居民'], ['健康']),
    event('防诈骗课堂', ['老年人']),
    event('观鸟', ['社区居民'], ['生态环境']),
  ];

  test('an older viewer gets events for older people and health topics first, with the reason, the rest after in order', () => {
    expect(recommendFirst('老年人', events).map((e) => [e.title, e.reason])).toEqual([
      ['银龄健康讲座', '为老年人推荐'],
      ['防诈骗课堂', '为老年人推荐'],
      ['机器人编程营', null],
      ['观鸟', null],
    ]);
  });

  test('a parent and a student get events for young people first', () => {
    expect(recommendFirst('家长', events)[0]).toMatchObject({ title: '机器人编程营', reason: '适合带孩子参加' });
    expect(recommendationReason('学生', events[0]!)).toBe('为学生推荐');
  });

  test('其他 or no answer changes nothing', () => {
    expect(recommendFirst('其他', events).map((e) => e.title)).toEqual(events.map((e) => e.title));
    expect(recommendFirst(null, events).every((e) => e.reason === null)).toBe(true);
  });
});
