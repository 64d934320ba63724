import { compareTasks, followTasks, taskKeys } from './task-changes';

const task = (number: number, text: string, title = text.slice(0, 4)) => ({ number, title, text });

describe('what a re-import does to a plan’s tasks', () => {
  it('when numbering restarts per section, the nth task with a number is its own task', () => {
    expect(taskKeys([{ number: 1 }, { number: 2 }, { number: 1 }])).toEqual(['1#1', '2#1', '1#2']);
  });

  it('when a task is added, one removed and one edited, each is named once', () => {
    const stored = [task(1, '开展科普日活动'), task(2, '建设科普基地'), task(3, '培训农民')];
    const next = [task(1, '开展科普日主场活动'), task(3, '培训农民'), task(4, '服务老年人')];
    const { added, removed, changed } = compareTasks(stored, next);
    expect(added.map((t) => t.number)).toEqual([4]);
    expect(removed.map((t) => t.number)).toEqual([2]);
    expect(changed.map((t) => t.number)).toEqual([1]);
  });

  it('when the same text comes again, nothing changes, even if a title is longer than what is stored', () => {
    const long = '很'.repeat(250);
    expect(compareTasks([task(1, '文本', long.slice(0, 200))], [task(1, '文本', long)])).toEqual({ added: [], removed: [], changed: [] });
  });

  it('links follow their task: an unchanged text wherever it moved, else the same number and place among its namesakes', () => {
    // Section 一 gains a task; the second 1. moves from position 3 to 4; task 2 is edited.
    const stored = [task(1, '推进双减'), task(2, '开展创新大赛'), task(1, '培育农民')];
    const next = [task(1, '推进双减'), task(2, '开展创新大赛和研学'), task(3, '科学调查'), task(1, '培育农民')];
    expect(followTasks(stored, next)).toEqual([0, 1, 3]);
    // A split numbered as the task after it: that task keeps its links, not the new part.
    const split = [task(3, '培训农民'), task(4, '服务老年人')];
    expect(followTasks(split, [task(3, '培训'), task(4, '农民'), task(4, '服务老年人')])).toEqual([0, 2]);
    // Gone: no task of its text, number and place.
    expect(followTasks([task(1, '甲'), task(2, '乙')], [task(1, '甲')])).toEqual([0, undefined]);
  });
});
