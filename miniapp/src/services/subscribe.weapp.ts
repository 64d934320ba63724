// WeChat's one-time subscribe messages: ask, in the tap that signs up or
// applies, to be told of the kinds that follow from it; record what was accepted.
import Taro from '@tarojs/taro';
import type { NotificationKind } from '@kepu/shared';
import { loadedTemplates, loadTemplates, recordSubscriptions } from '@/services/notifications';

/** WeChat shows at most three templates in one request. */
const MAX_PER_REQUEST = 3;

/** Loads the template ids when the page opens, so the tap that asks finds them ready (WeChat asks only in a tap). */
export function prepareSubscribe(): Promise<void> {
  return typeof Taro.requestSubscribeMessage === 'function' ? loadTemplates() : Promise.resolve();
}

/**
 * Asks for the kinds that have a template. Never fails and never blocks what the tap does: a refusal,
 * an old base library or templates not loaded yet all mean the inbox alone will carry the news.
 */
export async function askToSubscribe(kinds: NotificationKind[]): Promise<void> {
  const templates = loadedTemplates();
  if (!templates || typeof Taro.requestSubscribeMessage !== 'function') return;
  const wanted = kinds.filter((kind) => templates[kind]).slice(0, MAX_PER_REQUEST);
  if (wanted.length === 0) return;
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: wanted.map((kind) => templates[kind]!) } as Taro.requestSubscribeMessage.Option)) as Record<
      string,
      unknown
    >;
    const accepted = wanted.filter((kind) => answer[templates[kind]!] === 'accept');
    if (accepted.length) await recordSubscriptions(accepted);
  } catch {
    // Refused or unavailable: the inbox still has every notice.
  }
}
