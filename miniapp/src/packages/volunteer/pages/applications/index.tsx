// 我的志愿服务: total hours and the certificate (PDF) of my service record, then
// every shift I applied for with its decision and recorded hours, newest shift
// first and paged. Applied or approved shifts can be withdrawn before they start.
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { MyApplicationView } from '@kepu/shared';
import ListFooter from '@/components/ListFooter';
import LoginPrompt from '@/components/LoginPrompt';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { ApplicationStatusTag } from '@/components/ShiftCard';
import { usePagedList } from '@/hooks/usePagedList';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { openCertificate } from '@/services/certificate';
import { getMyVolunteerProfile, listMyApplications, withdrawApplication } from '@/services/volunteer';
import { confirmAction } from '@/utils/dialog';
import { routes } from '@/utils/routes';
import { formatRange } from '@/utils/time';
import '../../volunteer.scss';

/** What a row shows of an application. */
interface ApplicationRow {
  id: string;
  status: MyApplicationView['status'];
  hours: number | null;
  decisionReason: string | null;
  role: string;
  startsAt: string;
  endsAt: string;
  eventId: string;
  eventTitle: string;
}

function toRow(application: MyApplicationView): ApplicationRow {
  return {
    id: application.id,
    status: application.status,
    hours: application.hours,
    decisionReason: application.decisionReason,
    role: application.shift.role,
    startsAt: application.shift.startsAt,
    endsAt: application.shift.endsAt,
    eventId: application.event.id,
    eventTitle: application.event.title,
  };
}

const canWithdraw = (row: ApplicationRow) => (row.status === 'applied' || row.status === 'approved') && Date.parse(row.startsAt) > Date.now();

export default function ApplicationsPage() {
  const { user } = useSession();
  const profile = useRequest(user ? getMyVolunteerProfile : null, [user?.id]);
  const applications = usePagedList(user ? listMyApplications : null, [user?.id], toRow);
  const [downloading, setDownloading] = useState(false);

  usePullDownRefresh(() => {
    void Promise.all([profile.reload(), applications.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (applications.hasMore && !applications.moreError) void applications.loadMore();
  });

  if (!user)
    return (
      <PageShell>
        <LoginPrompt />
      </PageShell>
    );

  const download = async () => {
    setDownloading(true);
    try {
      await openCertificate();
    } catch {
      // the download showed the server's message (e.g. the server cannot render Chinese yet)
    } finally {
      setDownloading(false);
    }
  };

  const withdraw = async (row: ApplicationRow) => {
    const confirmed = await confirmAction({
      title: '撤回申请',
      content: `确定撤回“${row.role}”岗位的申请吗？`,
      confirmText: '撤回',
      cancelText: '再想想',
      destructive: true,
    });
    if (!confirmed) return;
    try {
      const next = await withdrawApplication(row.id);
      applications.update((r) => r.id === row.id, { ...row, status: next.status });
      Taro.showToast({ title: '已撤回申请', icon: 'none' });
    } catch {
      // the request wrapper showed the server's message
    }
  };

  const head =
    renderState({ loading: profile.loading, error: profile.error, onRetry: () => void profile.reload() }) ??
    (profile.data ? (
      <View className="card">
        <Text className="title">累计志愿服务 {profile.data.totalHours} 小时</Text>
        <Text className="block muted">已完成 {profile.data.record.length} 次服务，时长由主办单位记录并认证。</Text>
        {profile.data.totalHours > 0 ? (
          <>
            <Button className="btn btn--block vol-actions" loading={downloading} disabled={downloading} onClick={() => void download()}>
              下载志愿服务证明（PDF）
            </Button>
            <Text className="block muted vol-line">证明带证书编号和二维码，任何人扫码即可核验。</Text>
          </>
        ) : (
          <Text className="block muted vol-line">还没有已认证的服务时长：完成岗位服务、由主办单位记录时长后，即可下载志愿服务证明。</Text>
        )}
      </View>
    ) : (
      <View className="card">
        <Text className="title">你还不是科技志愿者</Text>
        <Button className="btn btn--block vol-actions" onClick={() => void Taro.navigateTo({ url: routes.volunteerProfile() })}>
          填写志愿者资料
        </Button>
      </View>
    ));

  const list = renderState({
    loading: applications.loading,
    error: applications.error,
    empty: applications.items.length === 0,
    emptyText: '还没有申请过志愿岗位',
    onRetry: () => void applications.reload(),
  });

  return (
    <PageShell>
      {head}
      {applications.stale ? <Text className="section block muted">网络不可用，以下是上次加载的申请</Text> : null}
      {list ??
        applications.items.map((row) => (
          <View key={row.id} className="card">
            <Text className="title link" onClick={() => void Taro.navigateTo({ url: routes.eventDetail(row.eventId) })}>
              {row.eventTitle}
            </Text>
            <Text className="vol-line">
              {row.role} · {formatRange(row.startsAt, row.endsAt)}
            </Text>
            <View className="vol-line">
              <ApplicationStatusTag status={row.status} />
              {row.status === 'completed' && row.hours !== null ? <Text className="tag tag--ok">服务 {row.hours} 小时</Text> : null}
            </View>
            {row.decisionReason ? <Text className="vol-line muted">主办单位说明：{row.decisionReason}</Text> : null}
            {canWithdraw(row) ? (
              <Button className="btn btn--danger vol-actions" onClick={() => void withdraw(row)}>
                撤回申请
              </Button>
            ) : null}
          </View>
        ))}
      <ListFooter list={applications} />
      {profile.data ? (
        <View className="section">
          <Button className="btn btn--ghost btn--block" onClick={() => void Taro.navigateTo({ url: routes.volunteerShifts() })}>
            找更多岗位
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
