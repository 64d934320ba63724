// Validation messages in plain Chinese that name the field (请填写标题,
// 手机号格式不正确), for every zod schema both sides use: the server's 400
// details keep zod's codes and paths, and these are their messages. A message
// a schema sets itself ({ error: '请填写姓名' }) still wins. Importing the module installs it.
import { z } from 'zod';

/** What a form calls each field, by the payload's key. */
const fieldLabels: Readonly<Record<string, string>> = {
  address: '地址',
  audience: '对象',
  audiences: '对象',
  bio: '个人简介',
  campaign: '主题活动',
  capacities: '每场名额',
  capacity: '名额',
  checkedInAt: '签到时间',
  checkedOutAt: '签退时间',
  city: '城市',
  code: '签到码',
  count: '场次数',
  cursor: '翻页位置',
  decision: '审核结果',
  description: '简介',
  district: '区县',
  dryRun: '预览',
  endsAt: '结束时间',
  endsOn: '结束日期',
  eventId: '活动',
  forOther: '为家人报名',
  format: '格式',
  frequency: '重复方式',
  from: '开始日期',
  hours: '服务时长',
  interval: '间隔',
  items: '条目',
  kind: '类型',
  kinds: '类型',
  largeText: '大字模式',
  lat: '纬度',
  limit: '每页条数',
  lng: '经度',
  mergeWithNext: '合并',
  name: '名称',
  near: '位置',
  nickname: '昵称',
  number: '任务序号',
  openid: '账号',
  ordinal: '序号',
  organizerId: '主办单位',
  partySize: '人数',
  phone: '手机号',
  place: '地区',
  planTasks: '工作要点任务',
  q: '搜索词',
  realName: '真实姓名',
  reason: '原因',
  recurrence: '重复',
  role: '岗位名称',
  roles: '角色',
  seriesId: '系列活动',
  signupClosesAt: '报名截止时间',
  signupId: '报名记录',
  signupOpensAt: '报名开始时间',
  skill: '技能',
  skills: '技能',
  slots: '岗位人数',
  split: '拆分',
  startsAt: '开始时间',
  startsOn: '开始日期',
  status: '状态',
  tags: '标签',
  target: '对象',
  tasks: '任务',
  team: '所属团队',
  text: '正文',
  theme: '主题',
  themes: '主题',
  title: '标题',
  to: '结束日期',
  trusted: '免审',
  units: '责任单位',
  unmask: '显示完整号码',
  until: '结束日期',
  userId: '用户',
  venue: '场地',
  version: '版本',
  weekdays: '重复的星期',
  whenShort: '名额不足时的安排',
  year: '年份',
};

/** Labels that depend on the object the key sits in. */
const nestedLabels: Readonly<Record<string, string>> = {
  'venue.name': '场地名称',
  'venue.address': '场地地址',
};

/** The label of the field a zod path points at (array indexes skipped), or 此项 when the field is not known. */
function fieldLabel(path: readonly PropertyKey[] = []): string {
  const keys = path.filter((key): key is string => typeof key === 'string');
  const last = keys[keys.length - 1];
  if (!last) return '此项';
  const parent = keys[keys.length - 2];
  return (parent && nestedLabels[`${parent}.${last}`]) ?? fieldLabels[last] ?? '此项';
}

type RawIssue = z.core.$ZodRawIssue;

const units: Record<string, string> = { string: '个字', array: '项', set: '项', file: '字节' };

function tooSmall(label: string, issue: RawIssue & { code: 'too_small' }): string {
  const min = Number(issue.minimum);
  if (issue.input === '' || (Array.isArray(issue.input) && issue.input.length === 0 && min <= 1)) {
    return issue.origin === 'string' ? `请填写${label}` : `请至少选择一项${label}`;
  }
  switch (issue.origin) {
    case 'string':
      return min <= 1 ? `请填写${label}` : `${label}至少${min}个字`;
    case 'array':
    case 'set':
      return min <= 1 ? `请至少选择一项${label}` : `${label}至少${min}项`;
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive === false ? `${label}必须大于${min}` : `${label}不能小于${min}`;
    case 'date':
      return `${label}太早了`;
    default:
      return `${label}太少了`;
  }
}

function tooBig(label: string, issue: RawIssue & { code: 'too_big' }): string {
  const max = Number(issue.maximum);
  const origin = String(issue.origin);
  if (origin in units) return `${label}最多${max}${units[origin]}`;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return issue.inclusive === false ? `${label}必须小于${max}` : `${label}不能大于${max}`;
  if (origin === 'date') return `${label}太晚了`;
  return `${label}太多了`;
}

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
};

/** zod's error map: one plain Chinese sentence naming the field, for every kind of issue. */
function validationMessage(issue: RawIssue): string {
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return `请填写${label}`;
      return typeNames[issue.expected] ? `${label}应为${typeNames[issue.expected]}` : `${label}格式不正确`;
    case 'too_small':
      return tooSmall(label, issue);
    case 'too_big':
      return tooBig(label, issue);
    case 'invalid_format':
      return `${label}格式不正确`;
    case 'not_multiple_of':
      return `${label}必须是${String(issue.divisor)}的整数倍`;
    case 'invalid_value':
      return `请选择有效的${label}`;
    case 'unrecognized_keys':
      return `${label === '此项' ? '' : label}不支持以下项目：${issue.keys.map((key) => fieldLabels[key] ?? key).join('、')}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return `${label}不正确`;
  }
}

// Installed for every schema in this process (the server, the tests, anything importing the schemas)
// when common.ts imports this module.
z.config({ customError: validationMessage });
