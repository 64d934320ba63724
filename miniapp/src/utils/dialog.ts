// Confirmation dialogs in the app's colours: a destructive answer (取消报名,
// 删除) in red, any other in the app's blue, never Taro's default green.
import Taro from '@tarojs/taro';

export const DANGER_COLOR = '#b3261e';
export const PRIMARY_COLOR = '#0a58a8';
const CANCEL_COLOR = '#474747';

export interface ConfirmOptions {
  title: string;
  content: string;
  confirmText: string;
  cancelText?: string;
  /** The answer destroys something (a sign-up, an application, data): shown in red. */
  destructive?: boolean;
}

/** Asks, and resolves true when the person chose `confirmText`. */
export async function confirmAction({ title, content, confirmText, cancelText = '取消', destructive = false }: ConfirmOptions): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title,
    content,
    confirmText,
    cancelText,
    confirmColor: destructive ? DANGER_COLOR : PRIMARY_COLOR,
    cancelColor: CANCEL_COLOR,
  });
  return confirm;
}
