// 重复: a new event repeated weekly or monthly, N times. The preview lists the
// dates the server will create (the same shared rule), each with its own seats
// (the 名额 field's by default, editable per row).
import { Input, Text, View } from '@tarojs/components';
import { MAX_OCCURRENCES, seriesOccurrences } from '@kepu/shared/rules/series';
import { asButton, labelled } from '@/utils/a11y';
import { cstParts, formatDateTime } from '@/utils/time';

export type Repeat = 'none' | 'weekly' | 'monthly';

export interface RecurrenceDraft {
  repeat: Repeat;
  /** 次数 as typed. */
  count: string;
  /** Seats typed for an occurrence, by its index; the others take the 名额 field's. */
  seats: Record<number, string>;
}

export const noRecurrence: RecurrenceDraft = { repeat: 'none', count: '3', seats: {} };

const repeatChoices: { value: Repeat; label: string }[] = [
  { value: 'none', label: '不重复' },
  { value: 'weekly', label: '每周' },
  { value: 'monthly', label: '每月' },
];

/** 次数, or a Chinese message saying what is wrong with it. */
export function occurrenceCount(draft: RecurrenceDraft): number | string {
  const n = Number(draft.count);
  if (draft.count.trim() === '' || !Number.isInteger(n)) return '请填写次数（整数）';
  if (n < 2 || n > MAX_OCCURRENCES) return `次数须在2到${MAX_OCCURRENCES}之间`;
  return n;
}

export interface PlannedOccurrence {
  startsAt: Date;
  endsAt: Date;
  /** Seats as typed (or the 名额 field's). */
  seats: string;
}

/** The occurrences the series will have; none while the rule or the times are incomplete. */
export function plannedOccurrences(draft: RecurrenceDraft, startsAt: string, endsAt: string, capacity: string): PlannedOccurrence[] {
  const count = occurrenceCount(draft);
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (draft.repeat === 'none' || typeof count === 'string' || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return [];
  return seriesOccurrences(start, end, { frequency: draft.repeat, interval: 1, count }).map((o, i) => ({ ...o, seats: draft.seats[i] ?? capacity }));
}

/** A row's seats, or a Chinese message. */
export function seatsProblem(seats: string): string | null {
  const n = Number(seats);
  if (seats.trim() === '' || !Number.isInteger(n)) return '请填写名额（整数）';
  if (n < 1) return '名额至少为1';
  if (n > 100_000) return '名额最多100000';
  return null;
}

interface Props {
  value: RecurrenceDraft;
  onChange: (value: RecurrenceDraft) => void;
  startsAt: string;
  endsAt: string;
  capacity: string;
  /** The server's messages by field (recurrence.count, capacities.1 …). */
  errors: Record<string, string>;
}

export default function RecurrenceFields({ value, onChange, startsAt, endsAt, capacity, errors }: Props) {
  const count = occurrenceCount(value);
  const planned = plannedOccurrences(value, startsAt, endsAt, capacity);
  const day = cstParts(startsAt)?.day;
  const countError = value.repeat !== 'none' ? (typeof count === 'string' ? count : (errors['recurrence.count'] ?? errors.recurrence)) : undefined;
  return (
    <View className="field recurrence">
      <Text className="field__label">重复</Text>
      <View className="recurrence__choices">
        {repeatChoices.map((choice) => (
          <View
            key={choice.value}
            className={`chip ${value.repeat === choice.value ? 'chip--on' : ''}`}
            {...asButton(() => onChange({ ...value, repeat: choice.value }), { pressed: value.repeat === choice.value })}
          >
            {choice.label}
          </View>
        ))}
      </View>
      {value.repeat === 'none' ? null : (
        <View>
          <View className="field">
            <Text className="field__label">次数</Text>
            <Input
              className="input"
              type="number"
              value={value.count}
              maxlength={2}
              {...labelled('次数')}
              onInput={(e) => onChange({ ...value, count: e.detail.value })}
            />
            <Text className="block muted">
              {value.repeat === 'weekly'
                ? `每周同一天同一时间，共${typeof count === 'number' ? count : 'N'}场`
                : `每月${day ?? ''}日同一时间，共${typeof count === 'number' ? count : 'N'}场`}
              ，最多{MAX_OCCURRENCES}场；每场单独报名、单独计名额。
            </Text>
            {value.repeat === 'monthly' && day !== undefined && day > 28 ? (
              <Text className="block recurrence__note">没有{day}日的月份（如2月、4月），在当月最后一天举办。</Text>
            ) : null}
            {countError ? <Text className="field__error">{countError}</Text> : null}
          </View>
          {planned.length > 0 ? (
            <View className="recurrence__preview">
              <Text className="field__label">将创建的{planned.length}场</Text>
              {planned.map((o, i) => {
                const problem = seatsProblem(o.seats) ?? errors[`capacities.${i}`];
                return (
                  <View key={o.startsAt.getTime()} className="recurrence__row">
                    <View className="recurrence__when">
                      <Text className="block recurrence__ordinal">第{i + 1}场</Text>
                      <Text className="block">{formatDateTime(o.startsAt)}</Text>
                    </View>
                    <View className="recurrence__seats">
                      <Input
                        className="input"
                        type="number"
                        value={o.seats}
                        maxlength={6}
                        {...labelled(`第${i + 1}场名额`)}
                        onInput={(e) => onChange({ ...value, seats: { ...value.seats, [i]: e.detail.value } })}
                      />
                      <Text className="recurrence__unit">人</Text>
                    </View>
                    {problem ? <Text className="field__error recurrence__error">{problem}</Text> : null}
                  </View>
                );
              })}
              {errors.capacities ? <Text className="field__error">{errors.capacities}</Text> : null}
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}
