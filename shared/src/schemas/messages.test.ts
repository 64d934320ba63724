import { z } from 'zod';
import { createEventSchema, createSignupSchema } from './events';
import { volunteerProfileSchema } from './volunteers';
import { updateMeSchema } from './auth';

const messages = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  // The first message of each field, as a form shows it.
  const byPath: Record<string, string> = {};
  for (const issue of result.error.issues) byPath[issue.path.join('.')] ??= issue.message;
  return byPath;
};

// Anything zod says by itself: "Too small: expected string …", "数值过小：期望 string >=1 字符", "Invalid input".
const zodDefault = /expected|Invalid|received|期望|数值过|字符串|string|number/i;

describe('validation messages', () => {
  it('when a required text is empty, then the message asks for the field by name', () => {
    expect(messages(updateMeSchema, { nickname: '' })).toEqual({ nickname: '请填写昵称' });
  });

  it('when a phone number is malformed, then the message is the schema’s own plain sentence', () => {
    expect(messages(createSignupSchema, { name: '张三', phone: '123' })).toEqual({ phone: '请输入11位手机号码' });
  });

  it('when an event is sent with missing and wrong fields, then every message names its field in Chinese', () => {
    const found = messages(createEventSchema, {
      title: 'x'.repeat(81),
      city: '',
      organizerId: 'org',
      venue: { name: '' },
      startsAt: 'tomorrow',
      endsAt: '2026-12-06T11:30:00+08:00',
      capacity: 2.5,
      audiences: ['a'.repeat(21)],
      kind: 'campaign',
    });
    expect(found).toMatchObject({
      title: '标题最多80个字',
      city: '请填写城市',
      'venue.name': '请填写场地名称',
      startsAt: '时间格式不对，请重新选择日期和时间',
      capacity: '名额应为整数',
      'audiences.0': '对象最多20个字',
      kind: '请选择有效的类型',
    });
    for (const message of Object.values(found)) expect(message).not.toMatch(zodDefault);
  });

  it('when a number is out of range, then the message says the bound', () => {
    expect(messages(createSignupSchema, { name: '张三', phone: '13800138000', partySize: 9 })).toEqual({ partySize: '人数不能大于5' });
    expect(messages(createSignupSchema, { name: '张三', phone: '13800138000', partySize: 0 })).toEqual({ partySize: '人数不能小于1' });
  });

  it('when a list needs at least one choice, then the message asks to choose one', () => {
    expect(messages(z.object({ themes: z.array(z.string()).min(1) }), { themes: [] })).toEqual({ themes: '请至少选择一项主题' });
    expect(messages(volunteerProfileSchema, { realName: '李四', phone: '13800138000', skills: [] })).toEqual({ skills: '请至少选择一项技能' });
  });

  it('when a field is missing or of the wrong type, then it is asked for or its type named', () => {
    expect(messages(z.object({ title: z.string() }), {})).toEqual({ title: '请填写标题' });
    expect(messages(z.object({ capacity: z.number() }), { capacity: '十' })).toEqual({ capacity: '名额应为数字' });
  });

  it('when a payload has keys the schema does not know, then the message lists them', () => {
    expect(messages(z.strictObject({ title: z.string() }), { title: '讲座', extra: 1 })).toEqual({ '': '不支持以下项目：extra' });
  });

  it('when the field is not known, then the message says 此项 instead of an English key', () => {
    expect(messages(z.object({ somethingNew: z.string().min(1) }), { somethingNew: '' })).toEqual({ somethingNew: '请填写此项' });
    expect(messages(z.object({ odd: z.custom(() => false) }), { odd: 1 })).toEqual({ odd: '此项不正确' });
  });

  it('when a field sits in a list or an object, then it is named by its own key (or by where it sits)', () => {
    expect(
      messages(z.object({ planTasks: z.array(z.object({ planId: z.string(), number: z.number().int().min(1) })) }), {
        planTasks: [{ planId: 'p', number: 0 }],
      }),
    ).toEqual({
      'planTasks.0.number': '任务序号不能小于1',
    });
    expect(
      messages(z.object({ venue: z.object({ name: z.string().min(1), address: z.string().max(2) }) }), { venue: { name: '', address: '长长长' } }),
    ).toEqual({
      'venue.name': '请填写场地名称',
      'venue.address': '场地地址最多2个字',
    });
  });
});
