import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failure, fakeApi, ok } from '../../../../../test/api';
import { profileView, user } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import { clearSession, saveSession } from '@/services/session';
import VolunteerProfilePage from './index';

beforeEach(() => {
  taroTest.reset();
  clearSession();
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const tap = (text: string) => fireEvent.click(screen.getByText(text));

describe('volunteer profile page', () => {
  test('signed out, it asks to log in and loads nothing', () => {
    render(<VolunteerProfilePage />);
    expect(screen.getByText('登录后可申请成为科技志愿者')).toBeTruthy();
    expect(taroTest.requests).toEqual([]);
  });

  test('a resident fills in the profile and becomes a volunteer', async () => {
    saveSession({ token: 't', user: user(['resident']) });
    const saved = profileView({ realName: '李华', skills: ['科普讲解', '应急救护'], tags: ['无人机'] });
    fakeApi({
      'PUT /me/volunteer': () => ok(saved, 201),
      'GET /me': () => ok(user(['resident', 'volunteer'])),
    });
    render(<VolunteerProfilePage />);
    await waitFor(() => expect(screen.getByText('成为科技志愿者')).toBeTruthy());

    type('真实姓名', ' 李华 ');
    type('手机号', '13800138000');
    tap('科普讲解');
    tap('应急救护');
    type('新标签', '无人机');
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    tap('我同意按《隐私说明》使用以上信息安排志愿服务');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '提交，成为志愿者' })));

    const put = taroTest.requests.find((r) => r.method === 'PUT');
    expect(put?.data).toEqual({ realName: '李华', phone: '13800138000', skills: ['科普讲解', '应急救护'], tags: ['无人机'], team: null, bio: '', city: null });
    expect(taroTest.toasts).toContain('志愿者资料已保存');
    // The new role comes from the server: the stored user is refreshed.
    await waitFor(() => expect(taroTest.requests.some((r) => r.url.endsWith('/api/v1/me'))).toBe(true));
    expect(screen.getByText('累计志愿服务 0 小时')).toBeTruthy();
  });

  test('the server’s field messages show beside each field', async () => {
    saveSession({ token: 't', user: user(['resident']) });
    taroTest.storage.set('kepu.privacyConsent', JSON.stringify('2026-11'));
    fakeApi({
      'PUT /me/volunteer': () =>
        failure(400, 'VALIDATION_FAILED', '提交的信息有误，请检查后重试', {
          fields: [
            { path: 'realName', message: '请填写真实姓名' },
            { path: 'skills', message: '请至少选择一项技能' },
            { path: 'tags.0', message: '标签过长' },
          ],
        }),
    });
    render(<VolunteerProfilePage />);
    await waitFor(() => expect(screen.getByText('成为科技志愿者')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '提交，成为志愿者' })));
    expect(screen.getByText('请填写真实姓名')).toBeTruthy();
    expect(screen.getByText('请至少选择一项技能')).toBeTruthy();
    expect(screen.getByText('标签过长')).toBeTruthy();
  });

  test('nothing is sent before consent to the privacy notice', async () => {
    saveSession({ token: 't', user: user(['resident']) });
    fakeApi({});
    render(<VolunteerProfilePage />);
    await waitFor(() => expect(screen.getByText('成为科技志愿者')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '提交，成为志愿者' })));
    expect(screen.getByText('请先阅读并同意隐私说明')).toBeTruthy();
    expect(taroTest.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  test('a volunteer sees the saved profile, the hours, and can remove a tag', async () => {
    saveSession({ token: 't', user: user(['resident', 'volunteer']) });
    fakeApi({ 'GET /me/volunteer': () => ok(profileView({ realName: '李华', team: '市科技志愿服务队', tags: ['无人机', '急救员证'], totalHours: 12.5 })) });
    render(<VolunteerProfilePage />);
    await waitFor(() => expect(screen.getByText('累计志愿服务 12.5 小时')).toBeTruthy());
    expect((screen.getByLabelText('真实姓名') as HTMLInputElement).value).toBe('李华');
    expect((screen.getByLabelText('所属队伍') as HTMLInputElement).value).toBe('市科技志愿服务队');
    expect(screen.getByText('✓ 科普讲解')).toBeTruthy();
    tap('无人机 ✕');
    expect(screen.queryByText('无人机 ✕')).toBeNull();
    expect(screen.getByText('急救员证 ✕')).toBeTruthy();
  });

  test('tags longer than twelve characters are explained before saving', async () => {
    saveSession({ token: 't', user: user(['resident']) });
    fakeApi({});
    render(<VolunteerProfilePage />);
    await waitFor(() => expect(screen.getByText('成为科技志愿者')).toBeTruthy());
    type('新标签', '一二三四五六七八九十一二三');
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    expect(screen.getByText('每个标签不超过 12 个字')).toBeTruthy();
  });

  test('a failed load shows the message with a retry', async () => {
    saveSession({ token: 't', user: user(['resident']) });
    fakeApi({ 'GET /me/volunteer': () => failure(500, 'INTERNAL', '服务器开小差了，请稍后再试') });
    render(<VolunteerProfilePage />);
    await waitFor(() => expect(screen.getByText('服务器开小差了，请稍后再试')).toBeTruthy());
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
