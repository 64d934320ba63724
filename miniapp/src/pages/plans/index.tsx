// 计划: the cities' 全民科学素质行动工作要点, each opening its tasks and progress.
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import ListFooter from '@/components/ListFooter';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { usePagedList } from '@/hooks/usePagedList';
import { listPlans } from '@/services/plans';
import { routes } from '@/utils/routes';
import { formatFullDate } from '@/utils/time';

export default function PlansPage() {
  const plans = usePagedList((cursor) => listPlans(cursor), []);
  usePullDownRefresh(() => {
    void plans.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (plans.hasMore && !plans.moreError) void plans.loadMore();
  });

  const state = renderState({
    loading: plans.loading,
    error: plans.error,
    empty: plans.items.length === 0,
    emptyText: '还没有导入工作要点',
    onRetry: () => void plans.reload(),
  });

  return (
    <PageShell>
      <Text className="section muted">各地全民科学素质行动工作要点，以及每项任务的落实情况。</Text>
      {plans.stale ? <Text className="section muted">网络不可用，以下是上次加载的内容</Text> : null}
      {state ??
        plans.items.map((plan) => (
          <View key={plan.id} className="card" hoverClass="pressed" onClick={() => void Taro.navigateTo({ url: routes.planDetail(plan.id) })}>
            <Text className="title">{plan.title}</Text>
            <Text className="muted block">
              {plan.city} · {plan.year}年 · {plan.taskCount} 项任务
            </Text>
            {plan.issuer ? (
              <Text className="muted block">
                {plan.issuer}
                {plan.issuedOn ? `，${formatFullDate(plan.issuedOn)}` : ''}
              </Text>
            ) : null}
          </View>
        ))}
      <ListFooter list={plans} />
    </PageShell>
  );
}
