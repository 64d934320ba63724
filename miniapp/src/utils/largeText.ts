// 大字模式: one switch for the whole app, remembered on the device and, when
// signed in, on the account (PATCH /me {largeText}). Before anyone touches the
// switch, weapp starts from the user's WeChat font size (我 › 设置 › 通用 › 字体大小).
import Taro from '@tarojs/taro';
import { createStore } from '@/utils/store';
import { keys, readStored, writeStored } from '@/utils/storage';

/** WeChat's fontSizeSetting is 16–17 px by default; from this size up the user asked for bigger text. */
export const LARGE_FONT_SETTING_PX = 20;

/** A remembered choice wins; without one, a large WeChat font size turns large text on. */
export function startsLarge(remembered: boolean | null, fontSizeSettingPx: number | undefined): boolean {
  if (remembered !== null) return remembered;
  return fontSizeSettingPx !== undefined && fontSizeSettingPx >= LARGE_FONT_SETTING_PX;
}

function wechatFontSize(): number | undefined {
  if (process.env.TARO_ENV !== 'weapp') return undefined;
  try {
    return Taro.getSystemInfoSync().fontSizeSetting;
  } catch {
    return undefined;
  }
}

export const largeTextStore = createStore<boolean>(startsLarge(readStored<boolean | null>(keys.largeText, null), wechatFontSize()));

export function setLargeText(on: boolean): void {
  writeStored(keys.largeText, on);
  largeTextStore.set(on);
}

// H5 toasts and modals are drawn outside every page: a class on <html> lets their large-text styles (app.scss) apply.
function markDocument(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.classList.toggle('kepu-large', on);
}
markDocument(largeTextStore.get());
largeTextStore.subscribe(markDocument);
