import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failure, fakeApi, ok } from '../../../../../test/api';
import { planImportView, user } from '../../../../../test/fixtures';
import { taroTest } from '../../../../../test/taro';
import { clearSession, saveSession } from '@/services/session';
import ImportPlanPage from './index';

beforeEach(() => {
  taroTest.reset();
  clearSession();
  saveSession({ token: 't', user: user(['resident', 'admin']) });
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const press = async (name: string) => act(async () => fireEvent.click(screen.getByRole('button', { name })));
const stored = () => {
  const { plan } = planImportView();
  return { ...plan, id: 'p1' };
};

describe('导入工作要点', () => {
  test('only admins may import', () => {
    saveSession({ token: 't', user: user(['resident']) });
    render(<ImportPlanPage />);
    expect(screen.getByText('只有管理员可以导入工作要点。')).toBeTruthy();
  });

  test('in WeChat (no TextDecoder), a GB18030 file chosen from a chat fills the text area with its text', async () => {
    const fixtures = join(__dirname, '..', '..', '..', '..', '..', '..', 'tests', 'importer', 'fixtures');
    expect(typeof TextDecoder).toBe('undefined');
    taroTest.chooseMessageFile({ name: '湘西州工作要点.txt', bytes: readFileSync(join(fixtures, 'xiangxi-2024.gb18030.txt')) });
    render(<ImportPlanPage />);
    await press('选择文件');
    await waitFor(() => expect(screen.getByText('已读取：湘西州工作要点.txt')).toBeTruthy());
    expect((screen.getByLabelText('工作要点全文') as HTMLTextAreaElement).value).toBe(readFileSync(join(fixtures, 'sources', 'xiangxi-2024.utf8.txt'), 'utf8'));
  });

  test('预览 sends a dry run and shows the parse; PLAN_INCOMPLETE on 确认导入 shows its message beside the fields', async () => {
    const preview = planImportView({
      plan: { ...planImportView().plan, city: null, place: null, level: null },
      warnings: [{ code: 'NO_PLACE', message: '没有读出计划所属地区，请填写城市', line: 1 }],
    });
    fakeApi({
      'POST /plans/import': (request) =>
        request.query.get('dryRun') === '1'
          ? ok(preview)
          : failure(422, 'PLAN_INCOMPLETE', '没有读出计划所属地区或年份，请指定城市和年份后再保存', { missing: ['city'] }),
    });
    render(<ImportPlanPage />);
    type('工作要点全文', '一、提升青少年科学素质\n1.推进青少年科学教育。（县教育局）');
    await press('预览');

    const dryRun = taroTest.requests[0]!;
    expect(dryRun.url).toContain('/plans/import?dryRun=1');
    expect(dryRun.data).toEqual({ text: '一、提升青少年科学素质\n1.推进青少年科学教育。（县教育局）' });
    expect(screen.getByText('第 1 行：没有读出计划所属地区，请填写城市')).toBeTruthy();
    expect(screen.getByText('科技活动周')).toBeTruthy();

    await press('确认导入');
    expect(screen.getAllByText('没有读出计划所属地区或年份，请指定城市和年份后再保存').length).toBeGreaterThan(0);
    expect(screen.getByText('请填写城市')).toBeTruthy();
  });

  test('确认导入 sends the city when filled in, then 更正 sends PATCH with the place and a task’s units', async () => {
    const saved = planImportView({ created: true, plan: stored() });
    fakeApi({
      'GET /plans': () => ok({ items: [], nextCursor: null }),
      'POST /plans/import': (request) => (request.query.get('dryRun') === '1' ? ok(planImportView()) : ok(saved, 201)),
      'PATCH /plans/p1': (request) => {
        const body = request.data as { place: string; tasks: { units: { name: string; role: string | null }[] }[] };
        const plan = stored();
        plan.place = body.place;
        plan.tasks[0] = { ...plan.tasks[0]!, responsibleUnits: body.tasks[0]!.units.map((u) => ({ ...u, organizationId: null, inherited: false })) } as never;
        return ok(plan);
      },
    });
    render(<ImportPlanPage />);
    type('工作要点全文', '全文');
    type('城市', '安吉县');
    await press('预览');
    await press('确认导入');
    const post = taroTest.requests.find((r) => r.method === 'POST' && !r.url.includes('dryRun'));
    expect(post?.data).toEqual({ text: '全文', city: '安吉县' });
    expect(screen.getByText('已导入：2026年安吉县全民科学素质行动工作要点')).toBeTruthy();

    type('地区全称', '浙江省湖州市安吉县');
    fireEvent.click(screen.getByText('任务1'));
    type('第 2 个单位', '县科学技术协会');
    fireEvent.click(screen.getAllByText('牵头')[1]!);
    await press('保存更正');

    const patch = taroTest.requests.find((r) => r.method === 'PATCH');
    expect(patch?.url).toContain('/plans/p1');
    expect(patch?.data).toEqual({
      tasks: [
        {
          ordinal: 1,
          units: [
            { name: '县教育局', role: 'lead' },
            { name: '县科学技术协会', role: 'lead' },
          ],
        },
      ],
    });
    expect(screen.getByText('更正已保存，以后重新导入同一文本时仍会保留')).toBeTruthy();
    // The result below shows the corrected units.
    await waitFor(() => expect(screen.getAllByText('县科学技术协会').length).toBeGreaterThan(0));
  });

  test('a re-import shows the server’s answer before confirming: which tasks it adds, removes and changes, and how many events', async () => {
    const next = planImportView({ changes: { tasksAdded: [3], tasksRemoved: [], tasksChanged: [2], eventsAffected: ['e1', 'e2'] } });
    fakeApi({ 'POST /plans/import': () => ok(next) });
    render(<ImportPlanPage />);
    type('工作要点全文', '改过的全文');
    await press('预览');
    await waitFor(() => expect(screen.getByText('与已保存的计划相比')).toBeTruthy());
    expect(screen.getByText('新增任务：3')).toBeTruthy();
    expect(screen.getByText('删除任务：无')).toBeTruthy();
    expect(screen.getByText('内容有改动的任务：2')).toBeTruthy();
    expect(screen.getByText(/^确认后将涉及 2 个活动/)).toBeTruthy();
    // The server's answer: the page no longer fetches the stored plan to work the diff out itself.
    expect(taroTest.requests.filter((r) => r.url.includes('/plans'))).toHaveLength(1);
  });

  test('a first import has no comparison card', async () => {
    fakeApi({ 'POST /plans/import': () => ok(planImportView()) });
    render(<ImportPlanPage />);
    type('工作要点全文', '全文');
    await press('预览');
    await waitFor(() => expect(screen.getByText('确认导入')).toBeTruthy());
    expect(screen.queryByText('与已保存的计划相比')).toBeNull();
  });

  test('拆分任务 splits a saved task at the sentence chosen, 与下一项合并 merges it with the next, both as PATCH', async () => {
    const saved = planImportView({ created: true, plan: stored() });
    const patches: unknown[] = [];
    fakeApi({
      'POST /plans/import': (request) => (request.query.get('dryRun') === '1' ? ok(planImportView()) : ok(saved, 201)),
      'PATCH /plans/p1': (request) => {
        patches.push(request.data);
        const plan = stored();
        const [first, second] = plan.tasks as [(typeof plan.tasks)[number], (typeof plan.tasks)[number]];
        plan.tasks =
          patches.length === 1
            ? [
                { ...first, title: '推进青少年科学教育', text: '推进青少年科学教育。' },
                { ...first, number: 5, title: '组织中小学生参观科普教育基地', text: '组织中小学生参观科普教育基地。' },
                second,
              ]
            : [{ ...first, text: first.text + second.text }];
        return ok(plan);
      },
    });
    render(<ImportPlanPage />);
    type('工作要点全文', '全文');
    await press('预览');
    await press('确认导入');
    expect(screen.getAllByRole('button', { name: '与下一项合并' })).toHaveLength(1);

    await act(async () => fireEvent.click(screen.getAllByRole('button', { name: '拆分任务' })[0]!));
    await press('确认拆分');
    expect(screen.getByText('请先选择从哪一句起拆开')).toBeTruthy();
    fireEvent.click(screen.getByText('从“组织中小学生参观科普教育基地。”起'));
    type('新任务的编号', '5');
    await press('确认拆分');
    expect(patches[0]).toEqual({ tasks: [{ number: 1, split: { before: '组织中小学生', number: 5 } }] });
    await waitFor(() => expect(screen.getByText('已拆分，以后重新导入同一文本时仍会保留')).toBeTruthy());
    expect(screen.getByText('5. 组织中小学生参观科普教育基地')).toBeTruthy();

    await act(async () => fireEvent.click(screen.getAllByRole('button', { name: '与下一项合并' })[1]!));
    expect(patches[1]).toEqual({ tasks: [{ number: 5, mergeWithNext: true }] });
    await waitFor(() => expect(screen.getByText('已与下一项合并，以后重新导入同一文本时仍会保留')).toBeTruthy());
  });
});
