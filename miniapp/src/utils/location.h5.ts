// The device position in GCJ-02, as venues are stored. Taro's H5 getLocation
// takes only wgs84 (the browser's system); the converter loads on first use.
import Taro from '@tarojs/taro';
import type { LatLng } from '@/utils/near';

export async function locate(): Promise<LatLng> {
  const [{ latitude, longitude }, { wgs84ToGcj02 }] = await Promise.all([Taro.getLocation({ type: 'wgs84' }), import('@/utils/coords')]);
  return wgs84ToGcj02({ lat: latitude, lng: longitude });
}
