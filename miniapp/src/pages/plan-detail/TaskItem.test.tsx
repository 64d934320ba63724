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
});
