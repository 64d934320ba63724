// What a saved series became: each date as its own event with its seats and
// status, and, under a date, another booking of the venue at that time.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { EventSeriesView } from '@kepu/shared';
import { submitSeries } from '@/services/organizer';
import { formatRange } from '@/utils/time';
import ConflictNote from './ConflictNote';

const statusNames: Record<string, string> = { draft: '草稿', pending: '审核中', published: '已发布', rejected: '未通过', cancelled: '已取消' };

interface Props {
  series: EventSeriesView;
  onChange: (series: EventSeriesView) => void;
}

export default function SeriesResult({ series, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const first = series.items[0];
  const drafts = series.items.filter((e) => e.status === 'draft' || e.status === 'rejected').length;
  const clashing = series.items.filter((e) => (e.conflicts ?? []).length > 0).length;

  const submitAll = async () => {
    setBusy(true);
    try {
      const submitted = await submitSeries(series.seriesId);
      onChange(submitted);
      Taro.showToast({ title: submitted.items.some((e) => e.status === 'published') ? '已发布' : '已提交审核', icon: 'none' });
    } catch {
      // the request wrapper showed the server's message
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="series-result">
      <View className="org-notice">
        <Text className="title block">已创建{series.items.length}场系列活动</Text>
        <Text className="block">{first?.title}</Text>
        <Text className="block">每场单独报名、单独计名额；可在“活动管理”中逐场修改或取消。</Text>
        {first && first.planTasks.length > 0 ? (
          <Text className="block">依据任务：{first.planTasks.map((t) => `第${t.number}项 ${t.title}`).join('；')}</Text>
        ) : null}
        {clashing > 0 ? <Text className="block series-result__warn">其中{clashing}场与其他活动场馆冲突，见下方。</Text> : null}
      </View>
      {series.items.map((event, i) => (
        <View key={event.id} className="card series-result__item">
          <Text className="block recurrence__ordinal">第{i + 1}场</Text>
          <Text className="block series-result__when">{formatRange(event.startsAt, event.endsAt)}</Text>
          <Text className="block muted">
            名额{event.capacity}人 · {statusNames[event.status] ?? event.status}
          </Text>
          {(event.conflicts ?? []).length > 0 ? <ConflictNote conflicts={event.conflicts} /> : null}
        </View>
      ))}
      <View className="section">
        {drafts > 0 ? (
          <Button className="btn btn--block org-actions" loading={busy} disabled={busy} onClick={() => void submitAll()}>
            全部提交审核
          </Button>
        ) : null}
        <Button className="btn btn--ghost btn--block org-actions" onClick={() => void Taro.navigateBack()}>
          返回活动管理
        </Button>
      </View>
    </View>
  );
}
