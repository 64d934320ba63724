// Asking before full phone numbers are shown: the server audits every unmask,
// so it should only ever happen on purpose.
import Taro from '@tarojs/taro';

/** `who`: whom the organizer needs to contact (报名者, 志愿者). */
export async function confirmUnmask(who: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '显示完整手机号',
    content: `查看完整手机号会被记录在审计日志中，仅在需要联系${who}时使用。`,
    confirmText: '显示',
    cancelText: '取消',
  });
  return confirm;
}
