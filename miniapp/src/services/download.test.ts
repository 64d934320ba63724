import { failure, fakeApi } from '../../test/api';
import { taroTest } from '../../test/taro';
import { certificatePath } from '@/services/certificate';
import { openFile as openFileInBrowser } from '@/services/download.h5';
import { openFile as openFileInWechat } from '@/services/download.weapp';
import { exportEventList } from '@/services/organizer';
import { clearSession, saveSession } from '@/services/session';

const certificateUrl = 'https://api.test/api/v1/me/volunteer/certificate.pdf';
const openInWechat = () => openFileInWechat(certificatePath, '科技志愿服务记录证明.pdf', 'pdf');
const openInBrowser = () => openFileInBrowser(certificatePath, '科技志愿服务记录证明.pdf', 'pdf');

beforeEach(() => {
  taroTest.reset();
  saveSession({ token: 'tok-v', user: { id: 'v1', nickname: '志愿者', roles: ['resident', 'volunteer'], organizations: [] } as never });
});
afterEach(() => clearSession());

describe('the service-record certificate in WeChat', () => {
  test('is downloaded with the session token and opened as a PDF', async () => {
    fakeApi({ 'GET /me/volunteer/certificate.pdf': () => ({ statusCode: 200, data: '%PDF-1.7 …' }) });
    await openInWechat();
    expect(taroTest.downloads).toEqual([{ url: certificateUrl, header: { Authorization: 'Bearer tok-v' } }]);
    expect(taroTest.openedDocuments).toHaveLength(1);
  });

  test('a refusal shows the server’s Chinese message and opens nothing', async () => {
    fakeApi({ 'GET /me/volunteer/certificate.pdf': () => failure(503, 'CERTIFICATE_UNAVAILABLE', '证明暂时无法生成（服务器缺少中文字体）') });
    await expect(openInWechat()).rejects.toMatchObject({ code: 'CERTIFICATE_UNAVAILABLE' });
    expect(taroTest.toasts).toEqual(['证明暂时无法生成（服务器缺少中文字体）']);
    expect(taroTest.openedDocuments).toEqual([]);
  });

  test('no network: the network message', async () => {
    taroTest.goOffline();
    await expect(openInWechat()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(taroTest.toasts).toEqual(['网络连接失败，请检查网络后重试']);
  });
});

describe('an organizer’s list export in WeChat', () => {
  test('downloads the XLSX of the asked list and opens it as a spreadsheet', async () => {
    fakeApi({
      'GET /events/e1/volunteers': ({ query }) => (query.get('format') === 'xlsx' ? { statusCode: 200, data: 'PK…' } : { statusCode: 400, data: null }),
    });
    await exportEventList('e1', 'volunteers', '科技周');
    expect(taroTest.downloads.map((d) => d.url)).toEqual(['https://api.test/api/v1/events/e1/volunteers?format=xlsx']);
    expect(taroTest.openedDocuments).toHaveLength(1);
    expect(taroTest.openedDocumentTypes).toEqual(['xlsx']);
  });
});

describe('the service-record certificate in the browser', () => {
  const originalCreate = URL.createObjectURL;
  let clicked: { href: string; download: string }[];

  beforeEach(() => {
    clicked = [];
    URL.createObjectURL = jest.fn(() => 'blob:https://kepu.test/1');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
  });
  afterEach(() => {
    URL.createObjectURL = originalCreate;
    delete (global as { fetch?: unknown }).fetch;
    jest.restoreAllMocks();
  });

  /** The part of fetch's Response the download reads (jsdom has no Response). */
  const answer = (status: number, body: string) => ({
    ok: status >= 200 && status < 300,
    status,
    json: async () => JSON.parse(body),
    blob: async () => new Blob([body], { type: 'application/pdf' }),
  });

  test('is fetched with the Authorization header (a bare link would be refused) and handed to the browser as a file', async () => {
    const fetchMock = jest.fn(async () => answer(200, '%PDF-1.7'));
    global.fetch = fetchMock as unknown as typeof fetch;
    await openInBrowser();
    expect(fetchMock).toHaveBeenCalledWith(certificateUrl, { headers: { Authorization: 'Bearer tok-v' } });
    expect(clicked).toEqual([{ href: 'blob:https://kepu.test/1', download: '科技志愿服务记录证明.pdf' }]);
  });

  test('a refusal shows the server’s Chinese message and downloads nothing', async () => {
    global.fetch = jest.fn(async () => answer(404, JSON.stringify({ error: { code: 'NOT_FOUND', message: '内容不存在或已删除' } }))) as unknown as typeof fetch;
    await expect(openInBrowser()).rejects.toMatchObject({ status: 404 });
    expect(taroTest.toasts).toEqual(['内容不存在或已删除']);
    expect(clicked).toEqual([]);
  });
});
