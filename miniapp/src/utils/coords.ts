// Positions as the stored venues hold them. Venues are in GCJ-02 (the system
// WeChat's getLocation({type: 'gcj02'}) and Chinese maps use); a browser gives
// WGS-84, off by a few hundred metres in China, so H5 converts with gcoord.
import gcoord from 'gcoord';
import type { LatLng } from '@/utils/near';

/** WGS-84 (GPS, the browser) to GCJ-02. Outside China gcoord leaves the position as it is. */
export function wgs84ToGcj02({ lat, lng }: LatLng): LatLng {
  const [gcjLng, gcjLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat: gcjLat, lng: gcjLng };
}
