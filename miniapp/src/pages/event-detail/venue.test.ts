import { isWholeArea } from './venue';

const venue = (name: string, more: { address?: string; lat?: number | null; lng?: number | null } = {}) => ({
  name,
  address: more.address ?? '',
  lat: more.lat ?? null,
  lng: more.lng ?? null,
});

describe('a venue', () => {
  test('a whole city or district (a campaign event) is no place to show on a map', () => {
    expect(isWholeArea(venue('柳州市全市'), { city: '柳州市' })).toBe(true);
    expect(isWholeArea(venue('柳州市'), { city: '柳州市' })).toBe(true);
    expect(isWholeArea(venue('鱼峰区'), { city: '柳州市', district: '鱼峰区' })).toBe(true);
    expect(isWholeArea(venue('路北区全区'), { city: '唐山市' })).toBe(true);
  });

  test('a named place is one, with or without coordinates', () => {
    expect(isWholeArea(venue('柳州科技馆', { address: '城中区三中路' }), { city: '柳州市' })).toBe(false);
    expect(isWholeArea(venue('柳州科技馆'), { city: '柳州市' })).toBe(false);
    expect(isWholeArea(venue('柳州市全市', { lat: 24.3, lng: 109.4 }), { city: '柳州市' })).toBe(false);
  });
});
