// Whether an event's venue is a place one can go to, or a whole city or
// district (a campaign's 柳州市全市): a map pin makes sense only for a place.
import type { VenueView } from '@kepu/shared';

const WHOLE_AREA = /(全市|全区|全县|全域|全省|各区县|各地)$/;

export function isWholeArea(venue: Pick<VenueView, 'name' | 'address' | 'lat' | 'lng'>, area: { city: string; district?: string | null }): boolean {
  if (venue.lat !== null && venue.lng !== null) return false;
  const name = venue.name.trim();
  if (!name) return true;
  if (venue.address.trim()) return false;
  return WHOLE_AREA.test(name) || name === area.city || (Boolean(area.district) && name === area.district);
}
