// 签到: scan the resident's QR, type the 6 digits they read out, or tap their
// name in the list (search by name or the last 4 digits of the phone). Works
// without the network: the check-in kit (the event's public key and the
// masked list) is kept on the device, codes are verified here, and check-ins
// wait in storage until checkins/batch takes them.
import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Checkin, CheckinKitSignup, CheckinKitView } from '@kepu/shared';
import { errorMessages } from '@kepu/shared/errors';
import PageShell from '@/components/PageShell';
import { checkInAttendee, getCheckinKit, uploadCheckins } from '@/services/organizer';
import { toApiError } from '@/services/request';
import { labelled } from '@/utils/a11y';
import { readParam } from '@/utils/routes';
import { formatDateTime } from '@/utils/time';
import ScanButton from '../../components/ScanButton';
import { readKit, readQueue, writeKit, writeQueue, type QueuedCheckin } from '../../checkin/store';
import { verifyOffline } from '../../checkin/verify';
import '../../organizer.scss';

interface Result {
  id: number;
  ok: boolean;
  message: string;
  at: string;
}

/** How often the page retries the network while check-ins wait or it is offline. */
const SYNC_INTERVAL_MS = 5000;

const offlineMessages: Record<string, string> = {
  INVALID_CHECKIN_CODE: '签到码无效或不属于本活动（离线校验）',
  CHECKIN_CODE_EXPIRED: errorMessages.CHECKIN_CODE_EXPIRED,
  NOT_IN_KIT: '签到码有效，但此人不在已下载的名单中，请联网后再试',
};

function matches(signup: CheckinKitSignup, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  if (/^\d{4}$/.test(q)) return signup.phone.endsWith(q);
  // Names in the kit are masked (张*三): match on the characters shown.
  return [...q].every((char) => signup.name.includes(char));
}

export default function CheckinPage() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const title = readParam(params.title);
  const [kit, setKit] = useState<CheckinKitView | null>(() => readKit(eventId));
  const [queue, setQueue] = useState<QueuedCheckin[]>(() => readQueue(eventId));
  const [online, setOnline] = useState(true);
  const [manual, setManual] = useState('');
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Result[]>([]);
  const counter = useRef(0);
  const queueRef = useRef(queue);
  queueRef.current = queue;

  const record = (ok: boolean, message: string) =>
    setResults((previous) => [{ id: ++counter.current, ok, message, at: new Date().toISOString() }, ...previous].slice(0, 10));

  /** Marks a sign-up arrived in the kit held on the device. */
  const markArrived = (signupId: string, at: string) =>
    setKit((current) => {
      if (!current) return current;
      const next = { ...current, signups: current.signups.map((s) => (s.id === signupId && !s.checkedInAt ? { ...s, checkedInAt: at } : s)) };
      writeKit(next);
      return next;
    });

  const setQueued = (next: QueuedCheckin[]) => {
    queueRef.current = next;
    writeQueue(eventId, next);
    setQueue(next);
  };

  const loadKit = async (): Promise<boolean> => {
    try {
      const fresh = await getCheckinKit(eventId);
      // Check-ins still waiting on this device stay marked until the server has them.
      const waiting = new Map(queueRef.current.map((q) => [q.signupId, q.at]));
      const merged = { ...fresh, signups: fresh.signups.map((s) => (s.checkedInAt || !waiting.has(s.id) ? s : { ...s, checkedInAt: waiting.get(s.id)! })) };
      writeKit(merged);
      setKit(merged);
      setOnline(true);
      return true;
    } catch (caught) {
      if (toApiError(caught).code === 'NETWORK') setOnline(false);
      return false;
    }
  };

  const upload = async () => {
    const sending = queueRef.current;
    if (sending.length === 0) return;
    try {
      const { results: answers } = await uploadCheckins(eventId, {
        items: sending.map((q) => (q.code ? { code: q.code, at: q.at } : { signupId: q.signupId, at: q.at })),
      });
      answers.forEach((answer, i) => {
        if (answer.result === 'refused') record(false, `上传时被拒绝：${(errorMessages as Record<string, string>)[answer.error ?? ''] ?? answer.error}`);
        else if (i === 0) record(true, `已上传 ${sending.length} 条离线签到`);
      });
      const sent = new Set(sending);
      setQueued(queueRef.current.filter((q) => !sent.has(q)));
      setOnline(true);
      await loadKit();
    } catch (caught) {
      if (toApiError(caught).code === 'NETWORK') setOnline(false);
    }
  };

  useEffect(() => {
    void loadKit().then((ok) => (ok ? upload() : undefined));
    const timer = setInterval(() => {
      if (queueRef.current.length > 0) void upload();
      else if (!online) void loadKit();
    }, SYNC_INTERVAL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one timer per page; it reads the latest state through refs
  }, [eventId, online]);

  /** With the network gone: verify on the device and queue the check-in. */
  const checkInOffline = (target: Checkin) => {
    if (!kit) {
      record(false, '没有网络，也没有已下载的签到名单，无法离线签到');
      return;
    }
    let signup: CheckinKitSignup | undefined;
    if (target.signupId) signup = kit.signups.find((s) => s.id === target.signupId);
    else {
      const verdict = verifyOffline(kit, target.code ?? '', Date.now());
      if (!verdict.ok) {
        record(false, offlineMessages[verdict.code] ?? verdict.code);
        return;
      }
      signup = verdict.signup;
    }
    if (!signup) return record(false, errorMessages.INVALID_CHECKIN_CODE);
    if (signup.status !== 'confirmed') return record(false, errorMessages.NOT_CONFIRMED);
    if (signup.checkedInAt || queueRef.current.some((q) => q.signupId === signup.id))
      return record(false, `${errorMessages.ALREADY_CHECKED_IN}：${signup.name}`);
    const at = new Date().toISOString();
    setQueued([...queueRef.current, { signupId: signup.id, ...(target.code ? { code: target.code.trim() } : {}), at }]);
    markArrived(signup.id, at);
    record(true, `签到成功（离线，待上传）：${signup.name}${signup.partySize > 1 ? `，${signup.partySize} 人` : ''}`);
    setManual('');
  };

  const checkIn = async (target: Checkin) => {
    if (target.code !== undefined && !target.code.trim()) return;
    if (!online) return checkInOffline(target);
    setBusy(true);
    try {
      const done = await checkInAttendee(eventId, target);
      markArrived(done.id, done.checkedInAt ?? new Date().toISOString());
      record(true, `签到成功：${done.name}${done.partySize > 1 ? `，${done.partySize} 人` : ''}`);
      setManual('');
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'NETWORK') {
        setOnline(false);
        checkInOffline(target);
      } else record(false, error.message);
    } finally {
      setBusy(false);
    }
  };

  const confirmed = useMemo(() => (kit?.signups ?? []).filter((s) => s.status === 'confirmed'), [kit]);
  const arrived = confirmed.filter((s) => s.checkedInAt);
  const people = (list: CheckinKitSignup[]) => list.reduce((sum, s) => sum + s.partySize, 0);
  const shown = confirmed.filter((s) => matches(s, search));

  return (
    <PageShell>
      <View className="card">
        <Text className="title">{title || '现场签到'}</Text>
        <Text className={`block org-line ${online ? '' : 'field__error'}`} aria-live="polite">
          {online ? '在线签到' : '离线签到：已用本机名单校验，联网后自动上传'}
          {queue.length ? ` · 待上传 ${queue.length} 条` : ''}
        </Text>
        {kit ? (
          <Text className="block org-line checkin-count">
            已到 {people(arrived)} 人（{arrived.length} 份报名）/ 已确认 {people(confirmed)} 人（{confirmed.length} 份报名）
          </Text>
        ) : null}
        <View className="org-actions">
          <ScanButton onCode={(code) => void checkIn({ code })} />
          {queue.length && online ? (
            <Button className="btn btn--ghost btn--block" onClick={() => void upload()}>
              立即上传离线签到
            </Button>
          ) : null}
        </View>
      </View>
      <View className="card">
        <Text className="field__label">签到码或 6 位数字</Text>
        <Input
          className="input"
          value={manual}
          maxlength={512}
          placeholder="输入居民报出的 6 位数字，或粘贴签到码"
          {...labelled('签到码或 6 位数字')}
          onInput={(e) => setManual(e.detail.value)}
          onConfirm={() => void checkIn({ code: manual })}
        />
        <Button className="btn btn--block org-actions" loading={busy} disabled={busy || !manual.trim()} onClick={() => void checkIn({ code: manual })}>
          确认签到
        </Button>
      </View>
      {results.map((result) => (
        <View key={result.id} className={`org-result ${result.ok ? 'org-result--ok' : 'org-result--error'}`} role="status">
          <Text className="title">{result.message}</Text>
          <Text className="block">{formatDateTime(result.at)}</Text>
        </View>
      ))}
      <View className="card">
        <Text className="title">名单</Text>
        <Input
          className="input org-line"
          value={search}
          maxlength={20}
          placeholder="按姓名或手机号后 4 位查找"
          {...labelled('按姓名或手机号后 4 位查找')}
          onInput={(e) => setSearch(e.detail.value)}
        />
        {kit === null ? <Text className="block muted org-line">名单加载中…（无网络时需先联网下载一次）</Text> : null}
        {kit && shown.length === 0 ? <Text className="block muted org-line">没有匹配的报名</Text> : null}
        {shown.map((signup) => (
          <View key={signup.id} className="checkin-row">
            <View className="checkin-row__who">
              <Text className="title">{signup.name}</Text>
              <Text className="block muted">
                {signup.phone} · {signup.partySize} 人
              </Text>
            </View>
            {signup.checkedInAt ? (
              <Text className="tag tag--ok">已到 {formatDateTime(signup.checkedInAt).slice(-5)}</Text>
            ) : (
              <Button
                className="btn checkin-row__btn"
                disabled={busy}
                onClick={() => void checkIn({ signupId: signup.id })}
                ariaLabel={`为 ${signup.name} 签到`}
              >
                签到
              </Button>
            )}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
