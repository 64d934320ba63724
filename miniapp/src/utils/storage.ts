// Typed access to the device storage (wx storage in weapp, localStorage in H5).
// Storage can be full or unavailable: reads fall back, writes never throw.
import Taro from '@tarojs/taro';

export const keys = {
  token: 'kepu.token',
  user: 'kepu.user',
  city: 'kepu.city',
  largeText: 'kepu.largeText',
  privacy: 'kepu.privacyConsent',
  pendingFilter: 'kepu.pendingFilter',
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
