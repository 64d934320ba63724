// Typed access to the device storage (wx storage in weapp, localStorage in H5).
// Storage can be full or unavailable: reads fall back, writes never throw.
// Nothing personal is stored: no phone, no real name, no list of people (those
// stay in memory); the session token goes where each platform keeps secrets.
import Taro from '@tarojs/taro';

export const keys = {
  token: 'kepu.token',
  user: 'kepu.user',
  city: 'kepu.city',
  largeText: 'kepu.largeText',
  privacy: 'kepu.privacyConsent',
  pendingFilter: 'kepu.pendingFilter',
  recentSearches: 'kepu.recentSearches',
  viewer: 'kepu.viewer',
  cacheIndex: 'kepu.cacheIndex',
  cachePrefix: 'kepu.cache:',
} as const;

export function readStored<T>(key: string, fallback: T): T {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined;
    return value === '' || value === undefined || value === null ? fallback : (value as T);
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // A full storage only costs the offline copy or a remembered preference.
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // nothing to undo
  }
}

/**
 * Where the session token lives. weapp: wx storage, the mini-program's own sandbox that
 * WeChat recommends for a login state. H5: sessionStorage, not localStorage: any script
 * on the page can read either, but sessionStorage ends with the tab (a shared or
 * borrowed phone does not stay signed in for the token's 30 days) and is not shared
 * with other tabs. The CSP is what keeps scripts off the page in the first place.
 */
function tabStorage(): Storage | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readSecret(key: string): string {
  const tab = tabStorage();
  if (!tab) return readStored<string>(key, '');
  try {
    return tab.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function writeSecret(key: string, value: string): void {
  const tab = tabStorage();
  if (!tab) return writeStored(key, value);
  try {
    tab.setItem(key, value);
    // A token an older build left in localStorage goes.
    removeStored(key);
  } catch {
    // Without storage the session lasts as long as the page.
  }
}

export function removeSecret(key: string): void {
  const tab = tabStorage();
  try {
    tab?.removeItem(key);
  } catch {
    // nothing to undo
  }
  removeStored(key);
}
