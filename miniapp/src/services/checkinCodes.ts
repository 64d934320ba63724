// The resident's own check-in codes, kept on the device until they expire, so
// the QR sheet opens at the door with no network. Only the signed code, its
// 6 digits and times: no names or phone numbers.
import type { CheckinCodeView } from '@kepu/shared';
import { readStored, removeStored, writeStored } from '@/utils/storage';

const INDEX = 'kepu.checkinCodes';
const PREFIX = 'kepu.checkinCode:';

/** Drops codes past their expiry (two hours after their event ends). */
function prune(now: number): string[] {
  const index = readStored<string[]>(INDEX, []);
  const live = index.filter((id) => {
    const code = readStored<CheckinCodeView | null>(PREFIX + id, null);
    if (code && Date.parse(code.expiresAt) > now) return true;
    removeStored(PREFIX + id);
    return false;
  });
  if (live.length !== index.length) writeStored(INDEX, live);
  return live;
}

export function keepCheckinCode(signupId: string, code: CheckinCodeView, now = Date.now()): void {
  const index = prune(now).filter((id) => id !== signupId);
  writeStored(PREFIX + signupId, code);
  writeStored(INDEX, [...index, signupId]);
}

export function keptCheckinCode(signupId: string, now = Date.now()): CheckinCodeView | null {
  prune(now);
  return readStored<CheckinCodeView | null>(PREFIX + signupId, null);
}
