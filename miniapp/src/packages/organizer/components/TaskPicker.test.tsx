import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { fakeApi, ok } from '../../../../test/api';
import { taroTest } from '../../../../test/taro';
import TaskCheck from './TaskCheck';
import TaskPicker, { type TaskRef } from './TaskPicker';

beforeEach(() => taroTest.reset());

const suggestion = { planId: 'p1', number: 19, ordinal: 2, title: '实施智慧助老行动', score: 12, reason: '同为老年人、数字素养；都提到“智能手机”' };
const plan = {
  id: 'p1',
  year: 2022,
  tasks: [
    { number: 1, ordinal: 1, sectionPath: ['一、总体要求'], title: '推动习近平新时代中国特色社会主义思想在全民科学素质工作中走深走实' },
    { number: 19, ordinal: 2, sectionPath: ['二、重点任务'], title: '实施智慧助老行动' },
  ],
};
const draft = { title: '银龄智能手机课堂', description: '', audiences: ['老年人'], themes: ['数字素养'], campaign: null, organizerId: 'o1' };

function Harness() {
  const [value, setValue] = useState<TaskRef[]>([]);
  return (
    <>
      <TaskPicker city="柳州市" draft={draft} value={value} onChange={setValue} />
      <span data-testid="value">{JSON.stringify(value)}</span>
    </>
  );
}

describe('organizer: the tasks an event carries out', () => {
  test('suggestions with their reasons come first; tapping one selects it', async () => {
    jest.useFakeTimers();
    fakeApi({
      'POST /plans/task-suggestions': () => ok({ items: [suggestion] }),
      'GET /plans': () => ok({ items: [{ id: 'p1', city: '柳州市', year: 2022 }], nextCursor: null }),
      'GET /plans/p1': () => ok(plan),
    });
    render(<Harness />);
    await act(async () => {
      jest.advanceTimersByTime(700);
    });
    jest.useRealTimers();
    await waitFor(() => expect(screen.getByText('同为老年人、数字素养；都提到“智能手机”')).toBeTruthy());
    const asked = taroTest.requests.find((r) => r.method === 'POST');
    expect(asked?.data).toEqual(draft);

    fireEvent.click(screen.getByText('第19项 实施智慧助老行动'));
    expect(screen.getByTestId('value').textContent).toBe(JSON.stringify([{ planId: 'p1', number: 19, ordinal: 2 }]));
    expect(screen.getByText('已选：第19项 实施智慧助老行动')).toBeTruthy();

    // The whole plan stays at hand, folded.
    fireEvent.click(screen.getByText('全部任务（2022年，共2项） ▾'));
    fireEvent.click(screen.getByText(/^第1项 推动/));
    expect(JSON.parse(screen.getByTestId('value').textContent!)).toEqual([
      { planId: 'p1', number: 19, ordinal: 2 },
      { planId: 'p1', number: 1, ordinal: 1 },
    ]);
  });

  test('a plan numbering its tasks again in each section: each 1. is named by its section and chosen by its position', async () => {
    fakeApi({
      'POST /plans/task-suggestions': () => ok({ items: [] }),
      'GET /plans': () => ok({ items: [{ id: 'p2', city: '德清县', year: 2023 }], nextCursor: null }),
      'GET /plans/p2': () =>
        ok({
          id: 'p2',
          year: 2023,
          tasks: [
            { number: 1, ordinal: 1, sectionPath: ['一、提升青少年科学素质'], title: '推进科学教育“双减”加法' },
            { number: 2, ordinal: 2, sectionPath: ['一、提升青少年科学素质'], title: '开展科技创新实践活动' },
            { number: 1, ordinal: 3, sectionPath: ['二、提升农民科学素质'], title: '实施高素质农民培育' },
          ],
        }),
    });
    render(<Harness />);
    fireEvent.click(await screen.findByText('全部任务（2023年，共3项） ▾'));
    expect(screen.getByText(/^一、第1项 推进/)).toBeTruthy();
    // A number only one task has keeps its plain name.
    expect(screen.getByText(/^第2项 开展/)).toBeTruthy();
    fireEvent.click(screen.getByText(/^二、第1项 实施高素质农民培育/));
    expect(JSON.parse(screen.getByTestId('value').textContent!)).toEqual([{ planId: 'p2', number: 1, ordinal: 3 }]);
    expect(screen.getByText('已选：二、第1项 实施高素质农民培育')).toBeTruthy();
  });

  test('a reviewer sees whether the chosen task matches the suggestions', async () => {
    render(<TaskCheck event={{ id: 'e1', planTasks: [{ planId: 'p1', number: 19, ordinal: 2, title: '实施智慧助老行动' }] }} suggestions={[suggestion]} />);
    await waitFor(() => expect(screen.getByText('✓ 与建议一致')).toBeTruthy());
    render(
      <TaskCheck
        event={{ id: 'e2', planTasks: [{ planId: 'p1', number: 1, ordinal: 1, title: '推动习近平新时代中国特色社会主义思想在全民科学素质工作中走深走实' }] }}
        suggestions={[suggestion]}
      />,
    );
    await waitFor(() => expect(screen.getByText(/与活动内容关联不明显。建议：第19项 实施智慧助老行动/)).toBeTruthy());
  });
});
