// 审计日志: who did what to what, newest first, in words: the action's name, the target by its
// title or name (the server names them), the member or volunteer concerned, and the details that
// matter. Filters: a group of actions, one person (tap their name), a date range.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { AuditEntryView } from '@kepu/shared';
import { auditActionLabels } from '@kepu/shared/audit-actions';
import { renderAccessGate } from '@/components/AccessGate';
import ListFooter from '@/components/ListFooter';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { usePagedList } from '@/hooks/usePagedList';
import { useSession } from '@/hooks/useSession';
import { listAudit, type AuditFilter } from '@/services/admin';
import { asButton, labelled } from '@/utils/a11y';
import { cstParts, formatDateTime } from '@/utils/time';
import { parseWrittenDate } from '../../planText';
import '../../admin.scss';

/** Groups of actions an admin filters by (the part of the action code before the dot). */
const groups: { code: string; label: string }[] = [
  { code: '', label: '全部' },
  { code: 'membership', label: '单位成员' },
  { code: 'organization', label: '单位' },
  { code: 'user', label: '角色、登录码与账号' },
  { code: 'event', label: '活动审核与变更' },
  { code: 'signups', label: '报名名单' },
  { code: 'volunteers', label: '志愿者名单' },
  { code: 'application', label: '志愿服务' },
  { code: 'plan', label: '工作要点' },
];

const targetKinds: Record<string, string> = {
  event: '活动',
  user: '用户',
  organization: '单位',
  plan: '工作要点',
  application: '志愿者申请',
  campaign: '主题活动',
};
const roleWords: Record<string, string> = { reviewer: '审核员', admin: '管理员' };

/** The target in words: its kind and its name, or that it no longer exists. */
function targetText(entry: AuditEntryView): string {
  const kind = targetKinds[entry.target.split(':')[0] ?? ''] ?? '对象';
  return `${kind}：${entry.targetLabel ?? '（已删除）'}`;
}

/** The details worth reading, per action; none of the ids. */
function detailText(entry: AuditEntryView): string | null {
  const d = entry.details;
  switch (entry.action) {
    case 'user.roles': {
      const changes = (d.changes ?? {}) as Record<string, boolean>;
      const said = Object.entries(changes).map(([role, on]) => `${on ? '授予' : '收回'}${roleWords[role] ?? role}`);
      return said.length ? said.join('，') + (d.via === 'cli' ? '（命令行）' : '') : null;
    }
    case 'organization.trust':
      return d.trusted ? '设为可信单位' : '取消可信单位';
    case 'event.reject':
    case 'event.revision_reject':
    case 'event.cancel':
    case 'application.reject':
      return typeof d.reason === 'string' && d.reason ? `理由：${d.reason}` : null;
    case 'signups.export':
    case 'signups.unmask':
    case 'volunteers.export':
    case 'volunteers.unmask':
      return typeof d.rows === 'number' ? `${String(d.format ?? '').toUpperCase()} 共 ${d.rows} 行` : null;
    case 'application.complete':
      return typeof d.hours === 'number' ? `${d.hours} 小时` : null;
    case 'user.login_code':
      return typeof d.expiresAt === 'string' ? `${formatDateTime(d.expiresAt)} 前有效` : null;
    default:
      return null;
  }
}

function DateField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <Input className="input" value={value} maxlength={12} placeholder="如 11月20日" {...labelled(label)} onInput={(e) => onChange(e.detail.value)} />
      {error ? <Text className="field__error">{error}</Text> : null}
    </View>
  );
}

export default function AuditPage() {
  const { user, hasRole } = useSession();
  const allowed = hasRole('admin');
  const year = cstParts(Date.now())?.year ?? new Date().getFullYear();
  const [group, setGroup] = useState('');
  const [actor, setActor] = useState<{ id: string; nickname: string } | null>(null);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [dateErrors, setDateErrors] = useState<Record<string, string>>({});
  const filter: AuditFilter = { action: group || undefined, actor: actor?.id, ...range };
  const entries = usePagedList(user && allowed ? (cursor) => listAudit(filter, cursor) : null, [user?.id, allowed, group, actor?.id, range.from, range.to]);

  usePullDownRefresh(() => {
    void entries.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (entries.hasMore && !entries.moreError) void entries.loadMore();
  });

  const gate = renderAccessGate({ signedIn: Boolean(user), allowed, refusal: '只有管理员可以查看审计日志。' });
  if (gate) return gate;

  const applyDates = () => {
    const from = fromText.trim() ? parseWrittenDate(fromText, year) : undefined;
    const to = toText.trim() ? parseWrittenDate(toText, year) : undefined;
    const problems: Record<string, string> = {};
    if (from === null) problems.from = '开始日期写法如 11月20日 或 2026-11-20';
    if (to === null) problems.to = '结束日期写法如 11月25日 或 2026-11-25';
    if (from && to && to < from) problems.to = '结束日期不能早于开始日期';
    setDateErrors(problems);
    if (Object.keys(problems).length) return;
    setRange({ from: from ?? undefined, to: to ?? undefined });
  };

  const state = renderState({
    loading: entries.loading,
    error: entries.error,
    empty: entries.items.length === 0,
    emptyText: '没有符合条件的记录',
    onRetry: () => void entries.reload(),
  });

  return (
    <PageShell>
      <View className="section">
        <Text className="block muted">操作类型</Text>
        <View className="row">
          {groups.map((g) => (
            <View
              key={g.code || 'all'}
              className={`chip ${g.code === group ? 'chip--on' : ''}`}
              {...asButton(() => setGroup(g.code), { pressed: g.code === group })}
            >
              {g.label}
            </View>
          ))}
        </View>
        <View className="admin-dates">
          <DateField label="开始日期" value={fromText} onChange={setFromText} error={dateErrors.from} />
          <DateField label="结束日期" value={toText} onChange={setToText} error={dateErrors.to} />
        </View>
        <View className="admin-list-row__actions">
          <Button className="btn" onClick={applyDates}>
            按日期筛选
          </Button>
          {range.from || range.to ? (
            <Button
              className="btn btn--ghost"
              onClick={() => {
                setFromText('');
                setToText('');
                setRange({});
              }}
            >
              清除日期
            </Button>
          ) : null}
        </View>
        {actor ? (
          <View className="row admin-gap">
            <Text>只看 {actor.nickname} 的操作</Text>
            <Button className="btn btn--ghost" onClick={() => setActor(null)}>
              看全部操作人
            </Button>
          </View>
        ) : (
          <Text className="block muted admin-gap">点操作人的名字，只看这个人的操作。</Text>
        )}
      </View>
      {state ??
        entries.items.map((entry) => {
          const detail = detailText(entry);
          return (
            <View key={entry.id} className="card admin-audit__entry">
              <Text className="title">{auditActionLabels[entry.action] ?? '其他操作'}</Text>
              <Text className="block">{targetText(entry)}</Text>
              {entry.subjectLabel ? <Text className="block">涉及：{entry.subjectLabel}</Text> : null}
              {detail ? <Text className="block">{detail}</Text> : null}
              <Text className="admin-audit__meta muted">{formatDateTime(entry.at)}</Text>
              {entry.actor ? (
                <Button className="btn btn--ghost admin-audit__actor" onClick={() => setActor(entry.actor)}>
                  {`操作人：${entry.actor.nickname || '（未命名）'}`}
                </Button>
              ) : (
                <Text className="block muted">操作人：系统</Text>
              )}
            </View>
          );
        })}
      <ListFooter list={entries} />
    </PageShell>
  );
}
