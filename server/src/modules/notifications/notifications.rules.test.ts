import {
  afterFailure,
  deliveryErrorText,
  fitKeyword,
  MAX_ATTEMPTS,
  maskNickname,
  reminderDueAt,
  renderNotification,
  retryDelayMs,
  wechatData,
  wechatTime,
  wechatVerdict,
} from './notifications.rules';

describe('notification rules', () => {
  const now = new Date('2026-11-25T10:00:00+08:00');

  it('when a reminder is due: the lead before the start, or at once when the start is closer', () => {
    const lead = 24 * 3600_000;
    expect(reminderDueAt(new Date('2026-12-05T09:00:00+08:00'), lead, now).toISOString()).toBe(new Date('2026-12-04T09:00:00+08:00').toISOString());
    expect(reminderDueAt(new Date('2026-11-25T12:00:00+08:00'), lead, now)).toEqual(now);
  });

  it('backs off exponentially up to an hour, and gives up after MAX_ATTEMPTS', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
    expect(afterFailure(1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 30_000) });
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: 'failed' });
  });

  it('tells a used-up subscription, a bad request and a passing trouble apart', () => {
    expect(wechatVerdict(43101)).toBe('spent');
    expect(wechatVerdict(47003)).toBe('fatal');
    expect(wechatVerdict(40003)).toBe('fatal');
    expect(wechatVerdict(-1)).toBe('retry');
    expect(wechatVerdict(null)).toBe('retry');
  });

  it('fits values to WeChat’s keyword limits', () => {
    expect(fitKeyword('thing1', '一二三四五六七八九十一二三四五六七八九十一二')).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect([...fitKeyword('thing1', '一二三四五六七八九十一二三四五六七八九十一二')]).toHaveLength(20);
    expect(fitKeyword('thing2', '换行\n不行')).toBe('换行 不行');
    expect(fitKeyword('phrase3', '候补成功！')).toBe('候补成功');
    expect(fitKeyword('phrase3', '报名已经成功了')).toBe('报名已经成');
    expect(fitKeyword('character_string4', '编号 AB-12')).toBe('AB-12');
    expect(wechatTime('2026-12-05T09:05:00+08:00')).toBe('2026年12月05日 09:05');
    // A UTC instant is written in China Standard Time.
    expect(wechatTime(new Date('2026-12-04T16:30:00Z'))).toBe('2026年12月05日 00:30');
  });

  it('fills only the slots the template maps, and leaves out empty values', () => {
    const payload = { eventId: 'e', title: '青少年机器人编程体验营（第二期）周末班', startsAt: '2026-12-05T09:00:00+08:00', venue: '唐山科技馆' };
    expect(wechatData('signup.promoted', payload, { title: 'thing1', time: 'time2', status: 'phrase4' })).toEqual({
      thing1: { value: '青少年机器人编程体验营（第二期）周末班' },
      time2: { value: '2026年12月05日 09:00' },
      phrase4: { value: '候补成功' },
    });
    expect(wechatData('event.cancelled', { title: '讲座', reason: null }, { title: 'thing1', time: 'time2', note: 'thing3' })).toEqual({
      thing1: { value: '讲座' },
      thing3: { value: '活动已取消' },
    });
  });

  it('words every kind in Chinese for the inbox', () => {
    const payload = { title: '科普讲座', startsAt: '2026-12-05T09:00:00+08:00', venue: '科技馆', role: '讲解', reason: '人数已满', changed: ['time'] };
    const titles = [
      'signup.confirmed',
      'signup.promoted',
      'event.reminder',
      'event.changed',
      'event.cancelled',
      'application.approved',
      'application.rejected',
      'shift.reminder',
    ].map((kind) => renderNotification(kind, payload).title);
    expect(titles).toEqual(['报名成功', '候补成功', '活动即将开始', '活动有变更', '活动已取消', '岗位申请已通过', '岗位申请未通过', '志愿服务即将开始']);
    expect(renderNotification('event.changed', payload).body).toBe('「科普讲座」的时间有调整，现为时间：12月5日 09:00，地点：科技馆。');
    expect(renderNotification('application.rejected', payload).body).toContain('原因：人数已满');
    expect(renderNotification('something.else', {}).title).toBe('新消息');
  });

  it('tells admins in plain Chinese why a WeChat message failed, whatever the worker recorded', () => {
    expect(deliveryErrorText(null)).toBeNull();
    expect(deliveryErrorText('subscribe/send 47003: argument invalid! data.thing1.value')).toContain('模板字段不符合微信要求');
    expect(deliveryErrorText('subscribe/send 40003: invalid openid')).toContain('收件人的微信身份无效');
    expect(deliveryErrorText('subscribe/send -1: system error')).toBe('微信系统繁忙，稍后重试即可');
    expect(deliveryErrorText('subscribe/send 99999: new')).toBe('微信返回错误码 99999，请对照微信文档查看原因');
    expect(deliveryErrorText('stable_token: invalid appsecret')).toContain('WX_SECRET');
    expect(deliveryErrorText('WeChat unreachable: TypeError: fetch failed')).toContain('连不上微信服务器');
    expect(deliveryErrorText('something odd')).toBe('发送失败，原因不明，可稍后重试');
  });

  it('masks a recipient’s nickname to tell rows apart without naming them', () => {
    expect(['张三丰', '李四', '王', '', '科普爱好者一号'].map(maskNickname)).toEqual(['张*丰', '李*', '王*', '*', '科***号']);
  });
});
