// 主题活动日期: the campaigns of a year with their dates; for one the catalogue has no dates for
// (日期待定), the admin enters them and the plans naming it get their campaign events.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CampaignView } from '@kepu/shared';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { setCampaignDates } from '@/services/admin';
import { listCampaigns } from '@/services/campaigns';
import { toApiError } from '@/services/request';
import { asButton, labelled } from '@/utils/a11y';
import { cstParts, formatDaySpan } from '@/utils/time';
import { parseWrittenDate } from '../../planText';
import '../../admin.scss';

function DatesForm({ campaign, onSaved }: { campaign: CampaignView; onSaved: (campaign: CampaignView) => void }) {
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const startsOn = parseWrittenDate(start, campaign.year);
    const endsOn = parseWrittenDate(end || start, campaign.year);
    const problems: Record<string, string> = {};
    if (!startsOn) problems.startsOn = '请填写开始日期，如 5月17日';
    if (!endsOn) problems.endsOn = '请填写结束日期，如 5月23日';
    if (startsOn && endsOn && endsOn < startsOn) problems.endsOn = '结束日期不能早于开始日期';
    setErrors(problems);
    if (!startsOn || !endsOn || Object.keys(problems).length) return;
    setBusy(true);
    try {
      const saved = await setCampaignDates(campaign.code, campaign.year, { startsOn, endsOn });
      Taro.showToast({ title: '日期已保存', icon: 'none' }).catch(() => undefined);
      onSaved(saved);
    } catch (caught) {
      const error = toApiError(caught);
      const fields = error.fieldMessages;
      setErrors(Object.keys(fields).length ? fields : { form: error.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="admin-actions">
      <View className="admin-fields">
        <View className="field">
          <Text className="field__label">开始日期</Text>
          <Input
            className="input"
            value={start}
            maxlength={12}
            placeholder="如 5月17日"
            {...labelled(`${campaign.name}开始日期`)}
            onInput={(e) => setStart(e.detail.value)}
          />
          {errors.startsOn ? <Text className="field__error">{errors.startsOn}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">结束日期</Text>
          <Input
            className="input"
            value={end}
            maxlength={12}
            placeholder="如 5月23日"
            {...labelled(`${campaign.name}结束日期`)}
            onInput={(e) => setEnd(e.detail.value)}
          />
          {errors.endsOn ? <Text className="field__error">{errors.endsOn}</Text> : null}
        </View>
      </View>
      {errors.form ? <Text className="field__error">{errors.form}</Text> : null}
      <Button className="btn btn--block" loading={busy} disabled={busy} onClick={() => void save()}>
        保存{campaign.name}日期
      </Button>
    </View>
  );
}

/** The ones waiting for dates first: they are what the admin came for. Sorted once, so a saved one stays in place. */
const pendingFirst = (list: CampaignView[]) => [...list].sort((a, b) => Number(Boolean(a.startsOn)) - Number(Boolean(b.startsOn)));

export default function CampaignDatesPage() {
  const { user, hasRole } = useSession();
  const allowed = hasRole('admin');
  const thisYear = cstParts(Date.now())?.year ?? new Date().getFullYear();
  const years = [thisYear - 1, thisYear, thisYear + 1];
  const [year, setYear] = useState(thisYear);
  const campaigns = useRequest(user && allowed ? () => listCampaigns(year).then(pendingFirst) : null, [user?.id, allowed, year]);

  const gate = renderAccessGate({ signedIn: Boolean(user), allowed, refusal: '只有管理员可以设置主题活动日期。' });
  if (gate) return gate;

  const items = campaigns.data ?? [];
  const pending = items.filter((c) => !c.startsOn).length;
  const state = renderState({
    loading: campaigns.loading,
    error: campaigns.error,
    empty: items.length === 0,
    emptyText: '这一年没有主题活动',
    onRetry: () => void campaigns.reload(),
  });

  return (
    <PageShell>
      <View className="section">
        <View className="row">
          {years.map((y) => (
            <View key={y} className={`chip ${y === year ? 'chip--on' : ''}`} {...asButton(() => setYear(y), { pressed: y === year })}>
              {y}年
            </View>
          ))}
        </View>
        {!state ? (
          <Text className="block muted">{pending ? `${pending} 个主题活动日期待定，填写后相关计划会生成主题活动。` : '这一年的主题活动日期都已确定。'}</Text>
        ) : null}
      </View>
      {state ??
        items.map((campaign) => (
          <View key={campaign.code} className="card">
            <View className="row">
              <Text className="title">{campaign.name}</Text>
              {campaign.startsOn ? null : <Text className="tag tag--warn admin-badge">日期待定</Text>}
            </View>
            {campaign.startsOn ? <Text className="block">{formatDaySpan(campaign.startsOn, campaign.endsOn)}</Text> : null}
            {campaign.startsOn ? null : (
              <DatesForm campaign={campaign} onSaved={(saved) => campaigns.setData(items.map((c) => (c.code === saved.code ? { ...c, ...saved } : c)))} />
            )}
          </View>
        ))}
    </PageShell>
  );
}
