// Consent to the privacy notice, asked before any personal data is collected.
// Bump the version when the notice changes to ask again.
import { keys, readStored, writeStored } from '@/utils/storage';

const VERSION = '2026-11';

export function hasPrivacyConsent(): boolean {
  return readStored<string>(keys.privacy, '') === VERSION;
}

export function givePrivacyConsent(): void {
  writeStored(keys.privacy, VERSION);
}
