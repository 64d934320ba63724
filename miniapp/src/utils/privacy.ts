// Consent to the privacy notice, asked before any personal data is collected.
// Bump the version when the notice changes to ask again. In weapp, WeChat's
// own privacy check (wx.onNeedPrivacyAuthorization) is answered from the same page.
import Taro from '@tarojs/taro';
import { keys, readStored, writeStored } from '@/utils/storage';
import { routes } from '@/utils/routes';

const VERSION = '2026-11';

export function hasPrivacyConsent(): boolean {
  return readStored<string>(keys.privacy, '') === VERSION;
}

export function givePrivacyConsent(): void {
  writeStored(keys.privacy, VERSION);
}

type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' };
type PrivacyResolve = (answer: PrivacyAnswer) => void;

interface WxPrivacyApi {
  onNeedPrivacyAuthorization?: (listener: (resolve: PrivacyResolve) => void) => void;
}

/** WeChat's pending question, answered when the user agrees on the privacy page or leaves it. */
let pendingAnswer: PrivacyResolve | null = null;

/** The id of the agree button: WeChat wants the answer tied to the tapped button. */
export const AGREE_BUTTON_ID = 'privacy-agree';

/**
 * weapp only: when a personal-data API (getLocation, chooseLocation …) needs
 * consent the user has not given, WeChat asks us; we open the privacy page.
 */
export function listenForPrivacyRequests(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const wxApi = (globalThis as { wx?: WxPrivacyApi }).wx;
  if (!wxApi?.onNeedPrivacyAuthorization) return;
  wxApi.onNeedPrivacyAuthorization((resolve) => {
    pendingAnswer = resolve;
    void Taro.navigateTo({ url: routes.privacy() });
  });
}

export function answerPrivacyRequest(agreed: boolean): void {
  pendingAnswer?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
  pendingAnswer = null;
}
