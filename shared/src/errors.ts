// Error codes of the HTTP contract and their Chinese messages for the UI.
// The server picks the status; the mini-program shows the message.
// The error body itself is a view: views/errors.ts.

export const errorMessages = {
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '内容不存在或已删除',
  METHOD_NOT_ALLOWED: '不支持该请求方式',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  NOT_A_PLAN: '这不是一份可识别的工作要点文本',
  PLAN_INCOMPLETE: '没有读出计划所属地区或年份，请指定城市和年份后再保存',
  CAMPAIGN_DATES_KNOWN: '该主题活动当年的日期已有规定，无需设置',
  EVENT_NOT_OPEN: '该活动当前不在报名时间内',
  ALREADY_CHECKED_IN: '已经签到过了',
  INVALID_CHECKIN_CODE: '签到码无效或不属于本活动',
  CHECKIN_CODE_EXPIRED: '签到码已过期，请刷新后重试',
  SIGNUP_NOT_FOUND: '没有找到你的报名',
  SIGNUP_NOT_ACTIVE: '该报名已取消',
  NOT_CONFIRMED: '候补中的报名暂不能签到',
  PARTY_EXCEEDS_SEATS: '剩余名额不足以容纳全部人数，请选择先占剩余名额、其余候补，或全部候补',
  EVENT_FULL_CAPACITY_TOO_LOW: '名额不能少于已确认报名人数',
  EVENT_STATE_CONFLICT: '活动当前状态不允许此操作',
  EVENT_CHANGED: '活动在你查看后又被修改过，请刷新后重新审核',
  EVENT_CITY_MISMATCH: '活动城市须为主办单位所在城市',
  VOLUNTEER_PROFILE_REQUIRED: '请先完善志愿者资料',
  SHIFT_CLOSED: '该岗位已开始或活动未开放，不能再报名',
  SHIFT_FULL: '该岗位名额已满',
  APPLICATION_STATE_CONFLICT: '申请当前状态不允许此操作',
  SHIFT_NOT_STARTED: '岗位开始后才能记录服务时长',
  HOURS_ALREADY_RECORDED: '该申请的服务时长已记录，不能重复记录',
  SHIFT_SLOTS_TOO_LOW: '岗位人数不能少于已通过人数',
  CERTIFICATE_UNAVAILABLE: '证明暂时无法生成（服务器缺少中文字体）',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重试',
  CONFLICT: '数据冲突，请刷新后重试',
  SERVICE_UNAVAILABLE: '服务暂不可用，请稍后再试',
  INTERNAL: '服务器开小差了，请稍后再试',
} as const;

export type ErrorCode = keyof typeof errorMessages;
