import { AppError } from '../../core/errors';
import { findCertificateFont, renderCertificate } from './certificate';

describe('volunteer certificate', () => {
  const input = {
    realName: '王晓红',
    team: null,
    totalHours: 0,
    record: [],
    issuedAt: new Date('2026-12-01T00:00:00Z'),
    serial: 'KP-2026-ABCDEFGH',
    verifyUrl: 'https://kepu.example.cn/#/packages/volunteer/pages/certificate/index?serial=KP-2026-ABCDEFGH',
  };

  it('uses CERT_FONT when it exists and says so when it does not', () => {
    expect(findCertificateFont('/no/such/font.ttf')).toBeNull();
    expect(findCertificateFont(`${__filename}#Face`)).toEqual({ path: __filename, face: 'Face' });
  });

  it('without a CJK font it answers 503 CERTIFICATE_UNAVAILABLE rather than printing boxes', async () => {
    await expect(renderCertificate(input, null)).rejects.toBeInstanceOf(AppError);
    await expect(renderCertificate(input, null)).rejects.toMatchObject({ code: 'CERTIFICATE_UNAVAILABLE', status: 503 });
  });

  it('when CERT_FONT is not a font, or a .ttc without its face, it answers 503 too', async () => {
    await expect(renderCertificate(input, { path: __filename })).rejects.toMatchObject({ code: 'CERTIFICATE_UNAVAILABLE', status: 503 });
    const collection = findCertificateFont(null);
    if (collection?.path.endsWith('.ttc')) {
      await expect(renderCertificate(input, { path: collection.path, face: 'NoSuchFace' })).rejects.toMatchObject({ code: 'CERTIFICATE_UNAVAILABLE' });
    }
  });

  const systemFont = findCertificateFont(null);
  (systemFont ? it : it.skip)('renders a PDF with the machine font, even with no records yet', async () => {
    const pdf = await renderCertificate(input, systemFont);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
