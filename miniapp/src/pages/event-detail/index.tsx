// 活动详情: every field of one event, its venue on a map, the plan tasks it
// serves, signing up, waitlisting and cancelling for the signed-in resident,
// and the event's volunteer shifts.
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { EventView, MySignupView } from '@kepu/shared';
import { placeParty, seatsLeft as seatsLeftOf } from '@kepu/shared/rules/seats';
import { isBookable, signupWindowVerdict, type WindowVerdict } from '@kepu/shared/rules/signup-window';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { cancelMySignup, getEvent } from '@/services/events';
import { listMySignups } from '@/services/me';
import { markNotificationsRead } from '@/services/notifications';
import { prepareSubscribe } from '@/services/subscribe';
import { asButton } from '@/utils/a11y';
import { confirmAction } from '@/utils/dialog';
import { readParam, routes, tabs } from '@/utils/routes';
import { formatDateTime, formatRange } from '@/utils/time';
import { imageSrc } from '@/utils/images';
import AddToCalendar from './AddToCalendar';
import EventMap from './EventMap';
import EventShifts from './EventShifts';
import ShareButton from './ShareButton';
import SignupForm from './SignupForm';
import { isWholeArea } from './venue';
import './index.scss';

/** The server's own window rule, read from the view's ISO times. */
function signupWindow(event: EventView, now: number): WindowVerdict {
  const instant = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  return signupWindowVerdict(
    {
      kind: event.kind,
      status: event.status,
      startsAt: Date.parse(event.startsAt),
      signupOpensAt: instant(event.signupOpensAt),
      signupClosesAt: instant(event.signupClosesAt),
    },
    now,
  );
}

/** What a resident reads when the window is not open (the server's 409 messages are for a refused attempt). */
function closedNotice(verdict: Exclude<WindowVerdict, 'open'>, event: EventView): string {
  switch (verdict) {
    case 'not-bookable':
      return '本活动无需报名，按时参加即可；具体安排请关注主办单位通知。';
    case 'not-yet-open':
      return `报名将于 ${formatDateTime(event.signupOpensAt!)} 开始`;
    case 'closed':
      return '报名已截止';
    case 'not-published':
      return '该活动当前不可报名';
  }
}

const statusLabels: Record<string, string> = {
  draft: '草稿',
  pending: '审核中',
  rejected: '未通过审核',
  cancelled: '已取消',
};

/** My bookings for this event (mine and my family's), and the name I last booked myself under. */
async function findMySignups(eventId: string): Promise<{ here: MySignupView[]; lastName: string }> {
  const page = await listMySignups(null, 100);
  const here = page.items.filter((item) => item.eventId === eventId && item.status !== 'cancelled');
  const lastName = page.items.find((item) => !item.attendee.forOther)?.attendee.name ?? '';
  return { here, lastName };
}

export default function EventDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { user } = useSession();
  const event = useRequest(() => getEvent(id), [id]);
  const mine = useRequest(user ? () => findMySignups(id) : null, [id, user?.id]);
  const [showForm, setShowForm] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const notice = params.notice;

  // Opened from a WeChat subscribe message: that notice has been read. Templates load for the sign-up tap.
  const signedIn = Boolean(user);
  useEffect(() => {
    if (notice && signedIn) void markNotificationsRead({ ids: [readParam(notice)] }).catch(() => undefined);
  }, [notice, signedIn]);
  useEffect(() => void prepareSubscribe(), []);

  useShareAppMessage(() => ({ title: event.data?.title ?? '科普活动', path: routes.eventDetail(id) }));

  const state = renderState({ loading: event.loading, error: event.error, onRetry: () => void event.reload() });
  if (state || !event.data) return <PageShell>{state}</PageShell>;
  const e = event.data;
  const seats = { capacity: e.capacity, confirmedSeats: e.confirmedCount, waitlistCount: e.waitlistCount };
  const seatsLeft = seatsLeftOf(seats);
  // As the server places a party of one: nobody jumps the waitlist, even with a seat free.
  const joinsWaitlist = placeParty(seats, 1) === 'waitlisted';
  const openState = signupWindow(e, Date.now());
  const bookings = mine.data?.here ?? [];
  const my = bookings.find((b) => !b.attendee.forOther) ?? null;

  const startSignup = () => {
    if (!user) {
      void Taro.navigateTo({ url: routes.login() });
      return;
    }
    setShowForm(true);
  };

  const cancel = async () => {
    const confirmed = await confirmAction({
      title: '取消报名',
      content: '确定取消这次报名吗？名额会让给候补的居民。',
      confirmText: '取消报名',
      cancelText: '再想想',
      destructive: true,
    });
    if (!confirmed) return;
    setCancelling(true);
    try {
      await cancelMySignup(e.id);
      Taro.showToast({ title: '已取消报名', icon: 'none' });
      void mine.reload();
      void event.reload();
    } catch {
      // the request wrapper showed the server's message
    } finally {
      setCancelling(false);
    }
  };

  return (
    <PageShell>
      {e.coverUrl ? (
        // Decorative: the title below names the event. A fixed box, so the page does not move when it loads.
        <View className="detail-cover" aria-hidden>
          <Image className="detail-cover__image" src={imageSrc(e.coverUrl)} mode="aspectFill" />
        </View>
      ) : null}
      <View className="card detail-head">
        <Text className="h1">{e.title}</Text>
        <View className="detail-tags">
          {statusLabels[e.status] ? <Text className="tag tag--warn">{statusLabels[e.status]}</Text> : null}
          {e.isDemo ? <Text className="tag tag--warn">演示数据</Text> : null}
          {e.campaign ? <Text className="tag">{e.campaign.name}</Text> : null}
          {e.themes.map((theme) => (
            <Text className="tag" key={`t-${theme}`}>
              {theme}
            </Text>
          ))}
        </View>
        <Text className="detail-line">时间：{formatRange(e.startsAt, e.endsAt)}</Text>
        <Text className="detail-line">地点：{[e.city, e.district, e.venue.name].filter(Boolean).join(' · ')}</Text>
        <Text className="detail-line">主办：{e.organizer.name}</Text>
        {e.campaign ? (
          <View className="detail-campaign" {...asButton(() => void Taro.navigateTo({ url: routes.campaign(e.campaign!.code, e.city) }))}>
            <Text className="link">
              {e.kind === 'campaign' ? `「${e.campaign.name}」介绍、日期与${e.city}的活动 ›` : `属于「${e.campaign.name}」，查看同主题的活动 ›`}
            </Text>
          </View>
        ) : null}
        {e.audiences.length ? <Text className="detail-line">适合：{e.audiences.join('、')}</Text> : null}
        {isBookable(e.kind) ? (
          <Text className="detail-line">
            名额：{e.capacity} 人，已报名 {e.confirmedCount} 人{seatsLeft > 0 ? `，剩余 ${seatsLeft} 个` : '，已满'}
            {/* The waitlist is counted in sign-ups (a family waits as one), not people. */}
            {e.waitlistCount ? `，候补 ${e.waitlistCount} 份报名` : ''}
          </Text>
        ) : null}
        {e.signupOpensAt || e.signupClosesAt ? (
          <Text className="detail-line muted">
            报名时间：{e.signupOpensAt ? formatDateTime(e.signupOpensAt) : '即日'} 至 {e.signupClosesAt ? formatDateTime(e.signupClosesAt) : '活动开始'}
          </Text>
        ) : null}
        {e.status === 'rejected' && e.reviewReason ? <Text className="detail-line field__error">驳回原因：{e.reviewReason}</Text> : null}
        {e.status === 'cancelled' && e.cancelReason ? <Text className="detail-line field__error">取消原因：{e.cancelReason}</Text> : null}
      </View>

      {bookings.length ? (
        <View className="card my-signup">
          <Text className="title">
            {my ? (my.status === 'waitlisted' ? `你在候补第 ${my.waitlistPosition ?? '?'} 位` : '你已报名成功') : `已为家人报名 ${bookings.length} 份`}
          </Text>
          {bookings.map((b) => (
            <Text key={b.id} className="my-signup__who">
              {b.attendee.name}
              {b.attendee.forOther ? '（家人）' : '（本人）'}
              {b.partySize > 1 ? ` ${b.partySize} 人` : ''} · {b.status === 'waitlisted' ? `候补第 ${b.waitlistPosition ?? '?'} 位` : '已报名'}
            </Text>
          ))}
          <Text className="muted">
            {my?.status === 'waitlisted'
              ? '有人取消时按顺序递补，递补成功后在“我的”页面出示签到码。'
              : '每位参加者的签到码在“我的”页面，到场后出示给工作人员扫码或报出 6 位数字。'}
          </Text>
          <View className="row detail-actions">
            {bookings.some((b) => b.status === 'confirmed') ? (
              <Button className="btn" onClick={() => void Taro.switchTab({ url: tabs.me })}>
                查看签到码
              </Button>
            ) : null}
            {my ? (
              <Button className="btn btn--danger" loading={cancelling} disabled={cancelling} onClick={() => void cancel()}>
                取消我的报名
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      {openState === 'open' ? (
        showForm && user ? (
          <SignupForm
            eventId={e.id}
            user={user}
            seats={seats}
            lastName={mine.data?.lastName}
            startForOther={!!my}
            onDone={(signup) => {
              setShowForm(false);
              const waiting = signup.remainder ? `，其余 ${signup.remainder.partySize} 人候补第 ${signup.remainder.waitlistPosition ?? '?'} 位` : '';
              Taro.showToast({
                title: signup.status === 'waitlisted' ? `已进入候补第 ${signup.waitlistPosition ?? '?'} 位` : `报名成功${waiting}`,
                icon: 'none',
              });
              void mine.reload();
              void event.reload();
            }}
          />
        ) : (
          <View className="section">
            <Button className={`btn btn--block ${my ? 'btn--ghost' : ''}`} onClick={startSignup}>
              {my ? '为家人报名' : !joinsWaitlist ? '我要报名' : seatsLeft > 0 ? '已有人候补，候补报名' : '名额已满，候补报名'}
            </Button>
            {!user ? <Text className="muted detail-line">报名前需要先登录</Text> : null}
          </View>
        )
      ) : bookings.length ? null : (
        <View className="section">
          <Text className="muted">{closedNotice(openState, e)}</Text>
        </View>
      )}

      <View className="row section">
        <AddToCalendar event={e} />
        <ShareButton title={e.title} />
      </View>

      <View className="card">
        <Text className="title">活动地点</Text>
        <Text className="detail-line">{e.venue.name}</Text>
        {/* A whole city or district (a campaign's period) is no place to pin on a map: its activities each have their own venue. */}
        {isWholeArea(e.venue, e) ? (
          <Text className="detail-line muted">
            {e.campaign ? `在${e.city}各地开展，具体地点见「${e.campaign.name}」下的各场活动。` : `在${e.city}各地开展，没有单一的活动地点。`}
          </Text>
        ) : (
          <EventMap venue={e.venue} />
        )}
      </View>

      {e.description ? (
        <View className="card">
          <Text className="title">活动介绍</Text>
          <Text className="detail-text" userSelect>
            {e.description}
          </Text>
        </View>
      ) : null}

      {e.planTasks.length ? (
        <View className="card">
          <Text className="title">依据</Text>
          <Text className="muted">本活动落实以下工作要点任务，点按查看原文：</Text>
          {e.planTasks.map((task) => (
            <View
              key={`${task.planId}-${task.number}`}
              className="plan-task-link"
              hoverClass="plan-task-link--pressed"
              onClick={() => void Taro.navigateTo({ url: routes.planDetail(task.planId, task.number) })}
            >
              <Text>
                第 {task.number} 项：{task.title} ›
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <EventShifts eventId={e.id} open={e.status === 'published'} />
    </PageShell>
  );
}
