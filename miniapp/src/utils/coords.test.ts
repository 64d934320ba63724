import { wgs84ToGcj02 } from '@/utils/coords';
import { toNearParam } from '@/utils/near';

describe('wgs84ToGcj02', () => {
  test('a GPS position in China moves to where Chinese maps and the stored venues put it (a few hundred metres off)', () => {
    // Tiananmen: WGS-84 39.90872, 116.39748 is GCJ-02 about 39.91012, 116.40372 (gcoord's own reference point).
    const gcj = wgs84ToGcj02({ lat: 39.90872, lng: 116.39748 });
    expect(gcj.lat).toBeCloseTo(39.91012, 3);
    expect(gcj.lng).toBeCloseTo(116.40372, 3);
    const shiftMetres = Math.hypot((gcj.lat - 39.90872) * 111_000, (gcj.lng - 116.39748) * 85_000);
    expect(shiftMetres).toBeGreaterThan(200);
    expect(shiftMetres).toBeLessThan(1000);
  });

  test('a position outside China stays as it is', () => {
    expect(wgs84ToGcj02({ lat: 48.8584, lng: 2.2945 })).toEqual({ lat: 48.8584, lng: 2.2945 });
  });

  test('near= carries latitude first, to 5 decimals', () => {
    expect(toNearParam({ lat: 24.3264123, lng: 109.4281987 })).toBe('24.32641,109.42820');
  });
});
