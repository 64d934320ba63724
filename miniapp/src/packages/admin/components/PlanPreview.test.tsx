import { render, screen } from '@testing-library/react';
import { planImportView } from '../../../../test/fixtures';
import PlanPreview from './PlanPreview';

describe('the plan preview', () => {
  test('shows every warning with its line, the header as people write it, units with their roles and campaigns with dates or 日期待定', () => {
    const view = planImportView();
    const { container } = render(<PlanPreview plan={view.plan} warnings={view.warnings} needsReview derivedEvents={view.derivedEvents} />);

    expect(screen.getByText('需要核对')).toBeTruthy();
    expect(screen.getByText('第 12 行：责任单位的括号没有闭合，请核对')).toBeTruthy();
    expect(screen.getByText('浙江省湖州市安吉县 · 县级')).toBeTruthy();
    expect(screen.getByText('2026年3月5日')).toBeTruthy();
    expect(screen.getByText('安科素〔2026〕1号')).toBeTruthy();

    const first = container.querySelectorAll('.admin-task')[0]!;
    const units = Array.from(first.querySelectorAll('.admin-unit'), (unit) => unit.textContent);
    expect(units).toEqual(['县教育局牵头', '县科协配合继承']);
    expect(first.textContent).toContain('面向：青少年');
    expect(first.querySelector('.admin-campaign')?.textContent).toBe('科技活动周日期待定');

    const second = container.querySelectorAll('.admin-task')[1]!;
    expect(second.querySelector('.admin-campaign')?.textContent).toBe('全国科普日9月19日–25日');
    // No ids or ISO dates on screen.
    expect(container.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}|science-tech-week/);
  });

  test('a field the importer could not read says so, and a traditional-script original is noted', () => {
    const view = planImportView();
    render(<PlanPreview plan={{ ...view.plan, documentNumber: null, script: 'traditional' }} />);
    expect(screen.getByText('未读出')).toBeTruthy();
    expect(screen.getByText('原文为繁体，已转为简体')).toBeTruthy();
  });
});
