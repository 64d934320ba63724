// In the browser there are no WeChat subscribe messages: the inbox carries every notice.
import type { NotificationKind } from '@kepu/shared';

export async function prepareSubscribe(): Promise<void> {}

export async function askToSubscribe(kinds: NotificationKind[]): Promise<void> {
  void kinds;
}
