// 志愿者: who applied for one event's shifts. Approve or reject (never more
// approved than a shift's slots: the server answers 岗位名额已满), then record
// each approved volunteer's hours once the shift has started. Phones are masked;
// unmasking is audited by the server, so it takes a deliberate confirmation.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ApplicantRow, ApplicationStatus } from '@kepu/shared';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { ApplicationStatusTag } from '@/components/ShiftCard';
import { useRequest } from '@/hooks/useRequest';
import { completeApplication, decideApplication, exportEventList, listEventVolunteers } from '@/services/organizer';
import { toApiError } from '@/services/request';
import { confirmAction } from '@/utils/dialog';
import { asButton, labelled } from '@/utils/a11y';
import { readParam } from '@/utils/routes';
import { formatRange } from '@/utils/time';
import { confirmUnmask } from '../../confirmUnmask';
import '../../organizer.scss';

/** Rows rendered at a time: the list can be long, page data stays small. */
const PAGE = 20;

/** What a row shows of an applicant. */
interface VolunteerRow {
  id: string;
  status: ApplicationStatus;
  hours: number | null;
  name: string;
  phone: string;
  team: string | null;
  skills: string[];
  role: string;
  startsAt: string;
  endsAt: string;
}

function toRow(row: ApplicantRow): VolunteerRow {
  return {
    id: row.id,
    status: row.status,
    hours: row.hours,
    name: row.volunteer.realName,
    phone: row.volunteer.phone,
    team: row.volunteer.team,
    skills: row.volunteer.skills,
    role: row.shift.role,
    startsAt: row.shift.startsAt,
    endsAt: row.shift.endsAt,
  };
}

type Tab = 'applied' | 'approved' | 'completed' | 'other';
const tabs: { value: Tab; label: string; holds: (status: ApplicationStatus) => boolean }[] = [
  { value: 'applied', label: '待审核', holds: (s) => s === 'applied' },
  { value: 'approved', label: '待记录时长', holds: (s) => s === 'approved' },
  { value: 'completed', label: '已完成', holds: (s) => s === 'completed' },
  { value: 'other', label: '未通过/已撤回', holds: (s) => s === 'rejected' || s === 'withdrawn' || s === 'cancelled' },
];

async function loadRows(eventId: string, unmask: boolean): Promise<VolunteerRow[]> {
  return (await listEventVolunteers(eventId, unmask)).map(toRow);
}

export default function VolunteersPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const title = readParam(params.title);
  const [unmask, setUnmask] = useState(false);
  const [tab, setTab] = useState<Tab>('applied');
  const [shown, setShown] = useState(PAGE);
  const [hours, setHours] = useState<Record<string, string>>({});
  const [hoursErrors, setHoursErrors] = useState<Record<string, string>>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const rows = useRequest(() => loadRows(id, unmask), [id, unmask]);
  usePullDownRefresh(() => {
    void rows.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const all = rows.data ?? [];
  const replace = (next: VolunteerRow) => rows.setData(all.map((row) => (row.id === next.id ? next : row)));

  const askUnmask = async () => {
    if (await confirmUnmask('志愿者')) setUnmask(true);
  };

  const decide = async (row: VolunteerRow, decision: 'approve' | 'reject') => {
    if (decision === 'reject') {
      const confirmed = await confirmAction({
        title: '不通过',
        content: `确定不通过${row.name}的申请吗？`,
        confirmText: '不通过',
        cancelText: '再想想',
        destructive: true,
      });
      if (!confirmed) return;
    }
    setBusyId(row.id);
    try {
      const next = await decideApplication(row.id, { decision });
      replace({ ...row, status: next.status });
      Taro.showToast({ title: decision === 'approve' ? '已通过' : '已设为不通过', icon: 'none' });
    } catch {
      // the request wrapper showed the server's message (e.g. 该岗位名额已满)
    } finally {
      setBusyId(null);
    }
  };

  const record = async (row: VolunteerRow) => {
    const value = Number(hours[row.id]);
    if (!hours[row.id] || !Number.isFinite(value) || value <= 0) {
      setHoursErrors({ ...hoursErrors, [row.id]: '请填写服务时长（小时），如 2 或 2.5' });
      return;
    }
    setHoursErrors({ ...hoursErrors, [row.id]: '' });
    setBusyId(row.id);
    try {
      const next = await completeApplication(row.id, { hours: value });
      replace({ ...row, status: next.status, hours: next.hours });
      Taro.showToast({ title: `已记录 ${next.hours ?? value} 小时`, icon: 'none' });
    } catch (caught) {
      const message = toApiError(caught).fieldMessages.hours;
      if (message) setHoursErrors({ ...hoursErrors, [row.id]: message });
    } finally {
      setBusyId(null);
    }
  };

  const current = tabs.find((t) => t.value === tab)!;
  const filtered = all.filter((row) => current.holds(row.status));
  const state = renderState({
    loading: rows.loading,
    error: rows.error,
    empty: filtered.length === 0,
    emptyText: all.length === 0 ? '还没有志愿者申请本活动的岗位' : `没有“${current.label}”的申请`,
    onRetry: () => void rows.reload(),
  });

  return (
    <PageShell>
      <View className="card">
        <Text className="title">{title || '活动志愿者'}</Text>
        {rows.data ? (
          <Text className="org-line">
            申请 {all.length} 人 · 已通过 {all.filter((r) => r.status === 'approved' || r.status === 'completed').length} 人 · 已记录时长{' '}
            {all.filter((r) => r.status === 'completed').length} 人
          </Text>
        ) : null}
        <View className="row org-actions">
          {unmask ? (
            <Button className="btn btn--ghost" onClick={() => setUnmask(false)}>
              隐藏手机号
            </Button>
          ) : (
            <Button className="btn btn--ghost" onClick={() => void askUnmask()}>
              显示完整手机号
            </Button>
          )}
          <Button className="btn btn--ghost" onClick={() => void exportEventList(id, 'volunteers', title).catch(() => undefined)}>
            导出 Excel
          </Button>
        </View>
      </View>
      {rows.data ? (
        <View className="section">
          {tabs.map((t) => (
            <View
              key={t.value}
              className={`chip ${tab === t.value ? 'chip--on' : ''}`}
              {...asButton(
                () => {
                  setTab(t.value);
                  setShown(PAGE);
                },
                { pressed: tab === t.value },
              )}
            >
              {t.label}（{all.filter((row) => t.holds(row.status)).length}）
            </View>
          ))}
        </View>
      ) : null}
      {state ??
        filtered.slice(0, shown).map((row) => {
          const started = Date.parse(row.startsAt) <= Date.now();
          return (
            <View key={row.id} className="card">
              <Text className="title">
                {row.name}
                {row.team ? `（${row.team}）` : ''}
              </Text>
              <Text className="org-line">{row.phone}</Text>
              <Text className="org-line">
                {row.role} · {formatRange(row.startsAt, row.endsAt)}
              </Text>
              {row.skills.length ? <Text className="org-line muted">技能：{row.skills.join('、')}</Text> : null}
              <View className="org-line">
                <ApplicationStatusTag status={row.status} />
                {row.status === 'completed' && row.hours !== null ? <Text className="tag tag--ok">服务 {row.hours} 小时</Text> : null}
              </View>
              {row.status === 'applied' ? (
                <View className="row org-actions">
                  <Button className="btn" disabled={busyId === row.id} onClick={() => void decide(row, 'approve')}>
                    通过
                  </Button>
                  <Button className="btn btn--ghost" disabled={busyId === row.id} onClick={() => void decide(row, 'reject')}>
                    不通过
                  </Button>
                </View>
              ) : null}
              {row.status === 'approved' ? (
                started ? (
                  <View className="field org-actions">
                    <Text className="field__label">服务时长（小时）</Text>
                    <View className="row org-hours">
                      <Input
                        className="input"
                        type="digit"
                        value={hours[row.id] ?? ''}
                        maxlength={5}
                        placeholder="如 2.5"
                        {...labelled(`${row.name}的服务时长（小时）`)}
                        onInput={(e) => setHours({ ...hours, [row.id]: e.detail.value })}
                      />
                      <Button className="btn" loading={busyId === row.id} disabled={busyId === row.id} onClick={() => void record(row)}>
                        记录时长
                      </Button>
                    </View>
                    {hoursErrors[row.id] ? <Text className="field__error">{hoursErrors[row.id]}</Text> : null}
                  </View>
                ) : (
                  <Text className="org-line muted">岗位开始后可记录服务时长</Text>
                )
              ) : null}
            </View>
          );
        })}
      {!state && filtered.length > shown ? (
        <View className="list-footer">
          <Button className="btn btn--ghost" onClick={() => setShown(shown + PAGE)}>
            显示更多（还有 {filtered.length - shown} 人）
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
