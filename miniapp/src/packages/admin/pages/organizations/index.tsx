// 单位与成员: the organizations (from the plans' responsible units and added by admins), searched by
// name and filtered by city; an admin adds one here and opens one to manage its members and trust.
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { OrganizationView } from '@kepu/shared';
import { renderAccessGate } from '@/components/AccessGate';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useOnReturn } from '@/hooks/useOnReturn';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { createOrganization, listOrganizations } from '@/services/admin';
import { listCities } from '@/services/events';
import { toApiError } from '@/services/request';
import { asButton, labelled } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import SearchBox from '../../components/SearchBox';
import '../../admin.scss';

function CreateForm({ city, onCreated }: { city: string; onCreated: (organization: OrganizationView) => void }) {
  const [name, setName] = useState('');
  const [place, setPlace] = useState(city);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const problems: Record<string, string> = {};
    if (name.trim().length < 2) problems.name = '请填写单位名称（至少2个字）';
    if (place.trim().length < 2) problems.city = '请填写所在城市，如 唐山市';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const created = await createOrganization({ name: name.trim(), city: place.trim() });
      Taro.showToast({ title: '单位已添加', icon: 'none' }).catch(() => undefined);
      setName('');
      onCreated(created);
    } catch (caught) {
      const error = toApiError(caught);
      const fields = error.fieldMessages;
      setErrors(Object.keys(fields).length ? fields : { form: error.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card">
      <Text className="title">添加主办单位</Text>
      <Text className="block muted">如学校、科普基地、志愿服务队。同一城市同名的单位不会重复添加。</Text>
      <View className="field">
        <Text className="field__label">单位名称</Text>
        <Input
          className="input"
          value={name}
          maxlength={80}
          placeholder="如 唐山市第一中学"
          {...labelled('单位名称')}
          onInput={(e) => setName(e.detail.value)}
        />
        {errors.name ? <Text className="field__error">{errors.name}</Text> : null}
      </View>
      <View className="field">
        <Text className="field__label">所在城市</Text>
        <Input className="input" value={place} maxlength={20} placeholder="如 唐山市" {...labelled('所在城市')} onInput={(e) => setPlace(e.detail.value)} />
        {errors.city ? <Text className="field__error">{errors.city}</Text> : null}
      </View>
      {errors.form ? <Text className="field__error">{errors.form}</Text> : null}
      <Button className="btn btn--block" loading={busy} disabled={busy} onClick={() => void save()}>
        添加单位
      </Button>
    </View>
  );
}

export default function OrganizationsPage() {
  const { user, hasRole } = useSession();
  const allowed = hasRole('admin');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [city, setCity] = useState('');
  const [adding, setAdding] = useState(false);
  const cities = useRequest(user && allowed ? () => listCities() : null, [user?.id, allowed]);
  const organizations = useRequest(user && allowed ? () => listOrganizations({ city: city || undefined, q: q || undefined }) : null, [
    user?.id,
    allowed,
    city,
    q,
  ]);
  // Trust may change on the organization's page: show it on return.
  useOnReturn(() => void organizations.reload());

  const gate = renderAccessGate({ signedIn: Boolean(user), allowed, refusal: '只有管理员可以管理单位与成员。' });
  if (gate) return gate;

  const items = organizations.data ?? [];
  const state = renderState({
    loading: organizations.loading,
    error: organizations.error,
    empty: items.length === 0,
    emptyText: q ? `没有名称含“${q}”的单位` : '还没有单位',
    onRetry: () => void organizations.reload(),
  });

  return (
    <PageShell>
      <View className="section">
        <SearchBox
          label="单位名称"
          spokenLabel="搜索单位名称"
          placeholder="输入名称中的字"
          maxlength={40}
          buttonText="搜索"
          value={typed}
          onChange={setTyped}
          onSearch={() => setQ(typed.trim())}
        />
        <View className="row admin-gap">
          {['', ...(cities.data ?? [])].map((c) => (
            <View key={c || 'all'} className={`chip ${c === city ? 'chip--on' : ''}`} {...asButton(() => setCity(c), { pressed: c === city })}>
              {c || '全部城市'}
            </View>
          ))}
        </View>
        <Button className="btn btn--ghost btn--block" onClick={() => setAdding(!adding)}>
          {adding ? '收起添加表单' : '添加主办单位'}
        </Button>
      </View>
      {adding ? (
        <CreateForm
          city={city}
          onCreated={(created) => {
            setAdding(false);
            void Taro.navigateTo({ url: routes.adminOrganization(created.id, created.name) });
          }}
        />
      ) : null}
      {state ?? (
        <View className="card">
          <Text className="block muted">共 {items.length} 个单位</Text>
          {items.map((o) => (
            <View key={o.id} className="admin-list-row" {...asButton(() => void Taro.navigateTo({ url: routes.adminOrganization(o.id, o.name) }))}>
              <View className="admin-list-row__main">
                <Text className="title">{o.name}</Text>
                <Text className="block muted">
                  {o.city}
                  {o.kind === 'custom' ? ' · 管理员添加' : ' · 来自工作要点'}
                </Text>
              </View>
              {o.trusted ? <Text className="tag tag--ok">可信单位</Text> : null}
              <Text>›</Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
