import type { ServiceRecordItem } from '@kepu/shared';
import { findCertificateFont, renderCertificate, type CertificateInput } from './certificate';
import { CertificateCache, certificateVersion } from './certificate-cache';

const record = (hours: number, title = '科普讲座'): ServiceRecordItem => ({
  applicationId: `a-${hours}-${title}`,
  hours,
  completedAt: '2026-09-20T12:00:00+08:00',
  role: '讲解员',
  event: { id: 'e1', title, startsAt: '2026-09-20T09:00:00+08:00' },
  organization: { id: 'o1', name: '市科协' },
});

const base: CertificateInput = {
  realName: '王晓红',
  team: null,
  totalHours: 2,
  record: [record(2)],
  issuedAt: new Date('2026-12-01T10:00:00+08:00'),
  serial: 'KP-2026-ABCDEFGH',
  verifyUrl: 'https://kepu.example.cn/#/packages/volunteer/pages/certificate/index?serial=KP-2026-ABCDEFGH',
};

/** The real renderer (or, on a machine without a CJK font, bytes naming the version), counted. */
function countingRenderer() {
  const font = findCertificateFont(null);
  const calls = { count: 0 };
  const render = async (input: CertificateInput) => {
    calls.count += 1;
    return font ? renderCertificate(input, font) : Buffer.from(`pdf ${certificateVersion(input)} ${calls.count}`);
  };
  return { calls, render };
}

describe('certificate cache', () => {
  it('when nothing printed has changed, the same bytes come back without rendering again', async () => {
    const { calls, render } = countingRenderer();
    const cache = new CertificateCache(render);
    const first = await cache.get('v1', base);
    // Later the same day: the issue date printed is the same.
    const second = await cache.get('v1', { ...base, issuedAt: new Date('2026-12-01T18:00:00+08:00') });
    expect(second.equals(first)).toBe(true);
    expect(calls.count).toBe(1);
  });

  it('when a new service record arrives, or the name or the issue date changes, it is rendered again', async () => {
    const { calls, render } = countingRenderer();
    const cache = new CertificateCache(render);
    await cache.get('v1', base);
    const moreHours = { ...base, totalHours: 5, record: [...base.record, record(3, '应急演练')] };
    await cache.get('v1', moreHours);
    expect(calls.count).toBe(2);
    await cache.get('v1', { ...moreHours, realName: '王晓虹' });
    expect(calls.count).toBe(3);
    await cache.get('v1', { ...moreHours, realName: '王晓虹', issuedAt: new Date('2026-12-02T09:00:00+08:00') });
    expect(calls.count).toBe(4);
  });

  it('when the serial or its address changes, it is rendered again', async () => {
    const { calls, render } = countingRenderer();
    const cache = new CertificateCache(render);
    await cache.get('v1', base);
    await cache.get('v1', { ...base, serial: 'KP-2026-HGFEDCBA' });
    expect(calls.count).toBe(2);
    await cache.get('v1', { ...base, serial: 'KP-2026-HGFEDCBA', verifyUrl: 'https://other.example.cn/#/x' });
    expect(calls.count).toBe(3);
  });

  it('when several requests arrive while it renders, they share one render', async () => {
    const { calls, render } = countingRenderer();
    const cache = new CertificateCache(render);
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map(() => cache.get('v1', base)));
    expect(calls.count).toBe(1);
    expect(pdfs.every((pdf) => pdf.equals(pdfs[0]!))).toBe(true);
  });

  it('keeps one certificate per volunteer and forgets the least recently used past its byte budget', async () => {
    const calls: string[] = [];
    const cache = new CertificateCache(async (input) => {
      calls.push(input.realName);
      return Buffer.alloc(400);
    }, 1000);
    await cache.get('a', { ...base, realName: 'a' });
    await cache.get('b', { ...base, realName: 'b' });
    await cache.get('a', { ...base, realName: 'a' });
    // 'b' is now the least recently used: the third certificate pushes it out, 'a' stays.
    await cache.get('c', { ...base, realName: 'c' });
    await cache.get('a', { ...base, realName: 'a' });
    await cache.get('b', { ...base, realName: 'b' });
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('when rendering fails, the failure is not kept: the next request tries again', async () => {
    let fail = true;
    const cache = new CertificateCache(async () => {
      if (fail) throw new Error('no font');
      return Buffer.from('pdf');
    });
    await expect(cache.get('v1', base)).rejects.toThrow('no font');
    fail = false;
    expect((await cache.get('v1', base)).toString()).toBe('pdf');
  });
});
