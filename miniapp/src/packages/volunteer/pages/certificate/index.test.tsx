import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failure, fakeApi, ok } from '../../../../../test/api';
import { taroTest } from '../../../../../test/taro';
import { clearSession } from '@/services/session';
import CertificateCheckPage from './index';

beforeEach(() => {
  taroTest.reset();
  clearSession();
});

const checked = {
  serial: 'KP-2026-ABCDEFGH',
  maskedName: '王*红',
  totalHours: 3.5,
  serviceCount: 2,
  organizations: ['唐山市科协', '唐山科技馆'],
  issuedOn: '2026-12-05',
};

describe('certificate check page', () => {
  test('opened from the QR code, it shows the masked name, hours, organizations and the date as people write it, without signing in', async () => {
    taroTest.setRouterParams({ serial: 'KP-2026-ABCDEFGH' });
    fakeApi({ 'GET /certificates/KP-2026-ABCDEFGH': () => ok(checked) });
    render(<CertificateCheckPage />);
    await waitFor(() => expect(screen.getByText('✓ 证明真实有效')).toBeTruthy());
    expect(screen.getByText('志愿者：王*红')).toBeTruthy();
    expect(screen.getByText(/已认证服务时长：3.5 小时（2 次服务）/)).toBeTruthy();
    expect(screen.getByText('认证单位：唐山市科协、唐山科技馆')).toBeTruthy();
    expect(screen.getByText('出具日期：2026年12月5日')).toBeTruthy();
    expect(taroTest.requests[0]?.header).not.toHaveProperty('Authorization');
  });

  test('an unknown serial typed in says that no such certificate exists', async () => {
    fakeApi({ 'GET /certificates/KP-2026-ZZZZZZZZ': () => failure(404, 'NOT_FOUND', '内容不存在或已删除') });
    render(<CertificateCheckPage />);
    expect(screen.getByText(/请输入证明上的证书编号/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('证书编号'), { target: { value: 'kp-2026-zzzzzzzz' } });
    fireEvent.click(screen.getByText('核验'));
    await waitFor(() => expect(screen.getByText('未找到这份证明')).toBeTruthy());
    expect(screen.getByText('没有编号为 KP-2026-ZZZZZZZZ 的志愿服务记录证明，请核对编号。')).toBeTruthy();
  });
});
