// 大字模式: one switch for the whole app, remembered on the device and, when
// signed in, on the account (PATCH /me {largeText}).
import { createStore } from '@/utils/store';
import { keys, readStored, writeStored } from '@/utils/storage';

export const largeTextStore = createStore<boolean>(readStored<boolean>(keys.largeText, false));

export function setLargeText(on: boolean): void {
  writeStored(keys.largeText, on);
  largeTextStore.set(on);
}
