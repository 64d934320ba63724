// The device position in GCJ-02, as venues are stored. WeChat answers in GCJ-02 itself.
import Taro from '@tarojs/taro';
import type { LatLng } from '@/utils/near';

export async function locate(): Promise<LatLng> {
  const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
  return { lat: latitude, lng: longitude };
}
