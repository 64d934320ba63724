import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ApplicantRow } from '@kepu/shared';
import { failure, fakeApi, ok } from '../../../../../test/api';
import { applicant } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import VolunteersPage from './index';

beforeEach(() => {
  taroTest.reset();
  taroTest.setRouterParams({ id: 'e1', title: encodeURIComponent('全国科普日主场') });
});

function serve(rows: ApplicantRow[], routes: Parameters<typeof fakeApi>[0] = {}) {
  fakeApi({ 'GET /events/e1/volunteers': () => ok({ items: rows, nextCursor: null }), ...routes });
}

const card = (name: string) => screen.getByText(name, { exact: false }).closest('.card') as HTMLElement;

describe('organizer: an event’s volunteers', () => {
  test('lists applicants waiting for a decision, phones masked, with counts per status', async () => {
    serve([applicant(), applicant({ id: 'a2', status: 'approved', volunteer: { ...applicant().volunteer, realName: '王芳' } })]);
    render(<VolunteersPage />);
    await waitFor(() => expect(screen.getByText('李华（市科技志愿服务队）')).toBeTruthy());
    expect(screen.getByText('全国科普日主场')).toBeTruthy();
    expect(screen.getByText('138****8000')).toBeTruthy();
    expect(screen.getByText('待审核（1）')).toBeTruthy();
    expect(screen.getByText('待记录时长（1）')).toBeTruthy();
    expect(screen.queryByText(/王芳/)).toBeNull();
    expect(taroTest.requests[0]?.url).toContain('format=json');
    expect(taroTest.requests[0]?.url).not.toContain('unmask');
  });

  test('approving moves the applicant to “待记录时长”', async () => {
    serve([applicant()], { 'POST /applications/a1/decision': () => ok({ ...applicant(), status: 'approved' }) });
    render(<VolunteersPage />);
    await waitFor(() => expect(screen.getByRole('button', { name: '通过' })).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '通过' })));
    expect(taroTest.requests[1]).toMatchObject({ method: 'POST', data: { decision: 'approve' } });
    expect(screen.getByText('待审核（0）')).toBeTruthy();
    fireEvent.click(screen.getByText('待记录时长（1）'));
    expect(within(card('李华')).getByText('已通过')).toBeTruthy();
  });

  test('when the shift is full the applicant stays waiting and the server’s message shows', async () => {
    serve([applicant()], { 'POST /applications/a1/decision': () => failure(409, 'SHIFT_FULL', '该岗位名额已满') });
    render(<VolunteersPage />);
    await waitFor(() => expect(screen.getByRole('button', { name: '通过' })).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '通过' })));
    expect(taroTest.toasts).toEqual(['该岗位名额已满']);
    expect(screen.getByText('待审核（1）')).toBeTruthy();
  });

  test('rejecting asks first; saying no changes nothing', async () => {
    serve([applicant()], { 'POST /applications/a1/decision': () => ok({ ...applicant(), status: 'rejected' }) });
    taroTest.answerModals(false);
    render(<VolunteersPage />);
    await waitFor(() => expect(screen.getByRole('button', { name: '不通过' })).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '不通过' })));
    expect(taroTest.requests).toHaveLength(1);
    taroTest.answerModals(true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '不通过' })));
    expect(taroTest.requests[1]?.data).toEqual({ decision: 'reject' });
    expect(screen.getByText('未通过/已撤回（1）')).toBeTruthy();
  });

  test('hours of an approved volunteer: a number is required, then recorded as the server rounded it', async () => {
    serve([applicant({ status: 'approved' })], { 'POST /applications/a1/complete': () => ok({ ...applicant(), status: 'completed', hours: 2.5 }) });
    render(<VolunteersPage />);
    fireEvent.click(await screen.findByText('待记录时长（1）'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '记录时长' })));
    expect(screen.getByText('请填写服务时长（小时），如 2 或 2.5')).toBeTruthy();
    expect(taroTest.requests).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('李华的服务时长（小时）'), { target: { value: '2.7' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '记录时长' })));
    expect(taroTest.requests[1]).toMatchObject({ method: 'POST', data: { hours: 2.7 } });
    expect(taroTest.toasts).toEqual(['已记录 2.5 小时']);
    fireEvent.click(screen.getByText('已完成（1）'));
    expect(within(card('李华')).getByText('服务 2.5 小时')).toBeTruthy();
  });

  test('the server’s message about hours shows beside the field', async () => {
    serve([applicant({ status: 'approved' })], {
      'POST /applications/a1/complete': () =>
        failure(400, 'VALIDATION_FAILED', '提交的信息有误，请检查后重试', {
          fields: [{ path: 'hours', message: '单次服务时长不超过24小时' }],
        }),
    });
    render(<VolunteersPage />);
    fireEvent.click(await screen.findByText('待记录时长（1）'));
    fireEvent.change(screen.getByLabelText('李华的服务时长（小时）'), { target: { value: '30' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '记录时长' })));
    expect(screen.getByText('单次服务时长不超过24小时')).toBeTruthy();
  });

  test('before the shift starts there is nothing to record yet', async () => {
    serve([applicant({ status: 'approved' }, 3)]);
    render(<VolunteersPage />);
    fireEvent.click(await screen.findByText('待记录时长（1）'));
    expect(screen.getByText('岗位开始后可记录服务时长')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '记录时长' })).toBeNull();
  });

  test('full phone numbers only after confirming, by asking the server to unmask (audited)', async () => {
    serve([applicant()]);
    render(<VolunteersPage />);
    const unmask = await screen.findByRole('button', { name: '显示完整手机号' });
    await act(async () => fireEvent.click(unmask));
    await waitFor(() => expect(taroTest.requests).toHaveLength(2));
    expect(taroTest.requests[1]?.url).toContain('unmask=1');
  });

  test('a long list renders twenty at a time', async () => {
    serve(Array.from({ length: 45 }, (_, i) => applicant({ id: `a${i}`, volunteer: { ...applicant().volunteer, realName: `志愿者${i}` } })));
    render(<VolunteersPage />);
    await waitFor(() => expect(screen.getByText('志愿者0（市科技志愿服务队）')).toBeTruthy());
    expect(screen.getAllByRole('button', { name: '通过' })).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: '显示更多（还有 25 人）' }));
    expect(screen.getAllByRole('button', { name: '通过' })).toHaveLength(40);
  });

  test('no applicants yet: an empty state, not an empty page', async () => {
    serve([]);
    render(<VolunteersPage />);
    await waitFor(() => expect(screen.getByText('还没有志愿者申请本活动的岗位')).toBeTruthy());
  });

  test('a failed load shows why and retries', async () => {
    fakeApi({ 'GET /events/e1/volunteers': () => failure(403, 'FORBIDDEN', '没有权限执行此操作') });
    render(<VolunteersPage />);
    await waitFor(() => expect(screen.getByText('没有权限执行此操作')).toBeTruthy());
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
