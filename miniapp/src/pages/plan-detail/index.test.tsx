import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PlanTaskView, PlanView } from '@kepu/shared';
import { fakeApi, ok } from '../../../test/api';
import { planImportView } from '../../../test/fixtures';
import { taroTest } from '../../../test/taro';
import PlanDetailPage from './index';

const task = (number: number, section: string, title: string): PlanTaskView => ({
  ...(planImportView().plan.tasks[0] as PlanTaskView),
  number,
  title,
  text: `${title}。`,
  sectionPath: [section],
  campaigns: [],
});

beforeEach(() => {
  taroTest.reset();
  taroTest.setRouterParams({ id: 'p1' });
});

describe('工作要点详情', () => {
  test('when a plan numbers its tasks again in each section, tapping one task opens that task only', async () => {
    const plan: PlanView = {
      ...(planImportView().plan as PlanView),
      id: 'p1',
      tasks: [task(1, '一、青少年', '开展科学教育'), task(1, '二、农民', '开展农技培训')],
    };
    fakeApi({
      'GET /plans/p1': () => ok(plan),
      'GET /plans/p1/progress': () => ok({ tasks: [], units: [], idleTasks: [] }),
    });
    render(<PlanDetailPage />);
    await waitFor(() => expect(screen.getByText('开展农技培训')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByText('开展农技培训')));
    expect(screen.getByText('开展农技培训。')).toBeTruthy();
    expect(screen.queryByText('开展科学教育。')).toBeNull();
  });
});
