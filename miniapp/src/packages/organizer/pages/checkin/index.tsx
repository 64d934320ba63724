// 签到: scan the resident's QR (or type the code) and record the check-in.
// Each result stays on screen, so a queue at the door can be worked through.
import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '@/components/PageShell';
import { checkInAttendee } from '@/services/organizer';
import { toApiError } from '@/services/request';
import { labelled } from '@/utils/a11y';
import { readParam } from '@/utils/routes';
import { formatDateTime } from '@/utils/time';
import ScanButton from '../../components/ScanButton';
import '../../organizer.scss';

interface Result {
  ok: boolean;
  message: string;
  at: string;
}

export default function CheckinPage() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const title = readParam(params.title);
  const [manual, setManual] = useState('');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Result[]>([]);

  const record = (result: Result) => setResults((previous) => [result, ...previous].slice(0, 10));

  const checkIn = async (code: string) => {
    const trimmed = code.trim();
    if (!trimmed) return;
    setBusy(true);
    try {
      const done = await checkInAttendee(eventId, trimmed);
      record({ ok: true, message: `签到成功${done?.name ? `：${done.name}` : ''}`, at: new Date().toISOString() });
      setManual('');
    } catch (caught) {
      record({ ok: false, message: toApiError(caught).message, at: new Date().toISOString() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell>
      <View className="card">
        <Text className="title">{title || '现场签到'}</Text>
        <View className="org-actions">
          <ScanButton onCode={(code) => void checkIn(code)} />
        </View>
      </View>
      <View className="card">
        <Text className="field__label">手动输入签到码</Text>
        <Input
          className="input"
          value={manual}
          maxlength={512}
          placeholder="粘贴或输入签到码"
          {...labelled('签到码')}
          onInput={(e) => setManual(e.detail.value)}
          onConfirm={() => void checkIn(manual)}
        />
        <Button className="btn btn--block org-actions" loading={busy} disabled={busy || !manual.trim()} onClick={() => void checkIn(manual)}>
          确认签到
        </Button>
      </View>
      {results.map((result) => (
        <View key={result.at} className={`org-result ${result.ok ? 'org-result--ok' : 'org-result--error'}`}>
          <Text className="title">{result.message}</Text>
          <Text className="block">{formatDateTime(result.at)}</Text>
        </View>
      ))}
    </PageShell>
  );
}
