// 任务的活动: the published events a plan's task counts in its year, soonest first.
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import EventCard, { toEventCardRow } from '@/components/EventCard';
import ListFooter from '@/components/ListFooter';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { usePagedList } from '@/hooks/usePagedList';
import { listTaskEvents } from '@/services/plans';
import { readParam } from '@/utils/routes';
import '../../progress.scss';

export default function TaskEventsPage() {
  const { params } = useRouter();
  const id = readParam(params.id);
  const number = Number(params.number);
  const ordinal = params.ordinal ? Number(params.ordinal) : undefined;
  const year = params.year ? Number(params.year) : undefined;
  const title = readParam(params.title);
  const list = usePagedList((cursor) => listTaskEvents(id, { number, ordinal }, year, cursor), [id, number, ordinal, year], toEventCardRow);

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });

  const state = renderState({
    loading: list.loading,
    error: list.error,
    empty: list.items.length === 0,
    emptyText: '这项任务在统计期间还没有已发布的活动',
    onRetry: () => void list.reload(),
  });
  return (
    <PageShell>
      <View className="card">
        <Text className="title">
          第 {number} 项{title ? `：${title}` : ''}
        </Text>
        <Text className="block muted">{year ? `${year} 年` : '计划年度内'}已发布、未取消的活动</Text>
      </View>
      {state ?? list.items.map((event) => <EventCard key={event.id} event={event} />)}
      <ListFooter list={list} />
    </PageShell>
  );
}
