import { fireEvent, render, screen } from '@testing-library/react';
import { taroTest } from '../../../../test/taro';
import RecurrenceFields, { noRecurrence, occurrenceCount, plannedOccurrences, type RecurrenceDraft } from './RecurrenceFields';
import { parseCoordinates } from './VenuePicker.h5';

beforeEach(() => taroTest.reset());

const monthly = (count: string, seats: Record<number, string> = {}): RecurrenceDraft => ({ repeat: 'monthly', count, seats });

describe('organizer: 重复', () => {
  test('the dates to be created follow the shared rule: from the 31st, a 30-day month takes its last day', () => {
    const planned = plannedOccurrences(monthly('3', { 1: '40' }), '2027-03-31T09:30:00+08:00', '2027-03-31T11:30:00+08:00', '50');
    expect(planned.map((o) => [o.startsAt.toISOString(), o.seats])).toEqual([
      ['2027-03-31T01:30:00.000Z', '50'],
      ['2027-04-30T01:30:00.000Z', '40'],
      ['2027-05-31T01:30:00.000Z', '50'],
    ]);
    expect(plannedOccurrences(noRecurrence, '2027-03-31T09:30:00+08:00', '2027-03-31T11:30:00+08:00', '50')).toEqual([]);
  });

  test('次数 out of range or empty says so in Chinese, and nothing is previewed', () => {
    expect(occurrenceCount(monthly(''))).toBe('请填写次数（整数）');
    expect(occurrenceCount(monthly('1'))).toBe('次数须在2到52之间');
    expect(occurrenceCount(monthly('53'))).toBe('次数须在2到52之间');
    expect(plannedOccurrences(monthly('53'), '2027-03-31T09:30:00+08:00', '2027-03-31T11:30:00+08:00', '50')).toEqual([]);
  });

  test('a monthly series from the 31st says where shorter months put it; each row has its own seats field', () => {
    const onChange = jest.fn();
    render(
      <RecurrenceFields
        value={monthly('3')}
        onChange={onChange}
        startsAt="2027-03-31T09:30:00+08:00"
        endsAt="2027-03-31T11:30:00+08:00"
        capacity="50"
        errors={{}}
      />,
    );
    expect(screen.getByText('没有31日的月份（如2月、4月），在当月最后一天举办。')).toBeTruthy();
    expect(screen.getByText('将创建的3场')).toBeTruthy();
    expect(screen.getByText(/4月30日 周五 09:30/)).toBeTruthy();
    fireEvent.click(screen.getByText('每周'));
    expect(onChange).toHaveBeenCalledWith({ ...monthly('3'), repeat: 'weekly' });
  });
});

describe('organizer: 手动填写坐标 (H5)', () => {
  test('takes 高德’s 经度,纬度 or the other order, and refuses what is not a place in China', () => {
    expect(parseCoordinates('118.1752,39.6214')).toEqual({ lat: 39.6214, lng: 118.1752 });
    expect(parseCoordinates('39.6214， 118.1752')).toEqual({ lat: 39.6214, lng: 118.1752 });
    expect(parseCoordinates('118.17')).toBe('请按“经度,纬度”填写两个数字，如 118.18,39.63');
    expect(parseCoordinates('2.35,48.85')).toBe('坐标不在中国境内，请在高德地图中重新查找后复制');
  });
});
