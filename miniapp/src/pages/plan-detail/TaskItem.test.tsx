import { render, screen } from '@testing-library/react';
import type { PlanTaskView } from '@kepu/shared';
import { planImportView } from '../../../test/fixtures';
import TaskItem from './TaskItem';

describe('a task of a plan', () => {
  test('a campaign whose dates for the year nobody has set yet is listed as 日期待定', () => {
    const task: PlanTaskView = {
      ...(planImportView().plan.tasks[0] as PlanTaskView),
      campaigns: [
        { code: 'science-tech-week', name: '全国科技活动周' },
        { code: 'science-day', name: '全国科普日' },
      ],
    };
    render(
      <TaskItem
        task={task}
        open
        onToggle={() => undefined}
        onCampaign={() => undefined}
        onEvents={() => undefined}
        pendingCampaigns={new Set(['science-tech-week'])}
      />,
    );
    expect(screen.getByText(/全国科技活动周/).textContent).toBe('全国科技活动周（日期待定） ›');
    expect(screen.getByText(/全国科普日/).textContent).toBe('全国科普日 ›');
  });

  test('a task that calls for 科技志愿服务 is marked on its row, and says so when open', () => {
    const base = planImportView().plan.tasks[0] as PlanTaskView;
    const { rerender } = render(
      <TaskItem task={{ ...base, volunteerNeed: true }} open={false} onToggle={() => undefined} onCampaign={() => undefined} onEvents={() => undefined} />,
    );
    expect(screen.getByText('需志愿者')).toBeTruthy();
    rerender(<TaskItem task={{ ...base, volunteerNeed: true }} open onToggle={() => undefined} onCampaign={() => undefined} onEvents={() => undefined} />);
    expect(screen.getByText(/本任务需要科技志愿者/)).toBeTruthy();
    rerender(<TaskItem task={{ ...base, volunteerNeed: false }} open onToggle={() => undefined} onCampaign={() => undefined} onEvents={() => undefined} />);
    expect(screen.queryByText('需志愿者')).toBeNull();
    expect(screen.queryByText(/本任务需要科技志愿者/)).toBeNull();
  });
});
