// 志愿者资料: become a 科技志愿者 or update the profile (real name, phone, skills
// from the fixed list, free tags, team, bio). Shows the hours served. The server
// validates; its field messages show inline.
import { Button, Checkbox, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { UserView, VolunteerProfileView, VolunteerSkill } from '@kepu/shared';
import LoginPrompt from '@/components/LoginPrompt';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { listCities } from '@/services/events';
import { getMe } from '@/services/me';
import { getMyVolunteerProfile, saveMyVolunteerProfile, volunteerSkills } from '@/services/volunteer';
import { asButton, labelled } from '@/utils/a11y';
import { givePrivacyConsent, hasPrivacyConsent } from '@/utils/privacy';
import { routes } from '@/utils/routes';
import { keys, readStored } from '@/utils/storage';
import '../../volunteer.scss';

/** The schema's limits on free tags, checked here only to explain them before the server would. */
const MAX_TAGS = 10;
const MAX_TAG_LENGTH = 12;

interface Form {
  realName: string;
  phone: string;
  skills: VolunteerSkill[];
  tags: string[];
  team: string;
  bio: string;
  /** 服务城市: the shift list starts with it. */
  city: string;
}

const isSkill = (value: string): value is VolunteerSkill => (volunteerSkills as readonly string[]).includes(value);

function formOf(profile: VolunteerProfileView | null, user: UserView | null): Form {
  return {
    realName: profile?.realName ?? '',
    phone: profile?.phone ?? user?.phone ?? '',
    skills: (profile?.skills ?? []).filter(isSkill),
    tags: profile?.tags ?? [],
    team: profile?.team ?? '',
    bio: profile?.bio ?? '',
    city: profile?.city ?? readStored<string>(keys.city, ''),
  };
}

/** The first message for a list field or any of its items (`tags`, `tags.3`). */
function listError(errors: Record<string, string>, key: string): string | undefined {
  return errors[key] ?? Object.entries(errors).find(([path]) => path.startsWith(`${key}.`))?.[1];
}

export default function VolunteerProfilePage() {
  const { user } = useSession();
  const profile = useRequest(user ? getMyVolunteerProfile : null, [user?.id]);
  const [form, setForm] = useState<Form>(() => formOf(null, user));
  const cities = useRequest(user ? listCities : null, [user?.id]);
  // The cities with content, and the saved one even when it has none now.
  const cityOptions = [...new Set([...(cities.data ?? []), ...(form.city ? [form.city] : [])])];
  const [tagDraft, setTagDraft] = useState('');
  const [consent, setConsent] = useState(hasPrivacyConsent());
  const { busy, errors, setErrors, submit } = useFormSubmit();

  useEffect(() => {
    setForm(formOf(profile.data, user));
    // Only a freshly loaded or saved profile resets the form, not a refreshed user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile.data]);

  if (!user)
    return (
      <PageShell>
        <LoginPrompt text="登录后可申请成为科技志愿者" />
      </PageShell>
    );
  const state = renderState({ loading: profile.loading, error: profile.error, onRetry: () => void profile.reload() });
  if (state) return <PageShell>{state}</PageShell>;

  const patch = (next: Partial<Form>) => setForm({ ...form, ...next });
  const toggleSkill = (skill: VolunteerSkill) =>
    patch({ skills: form.skills.includes(skill) ? form.skills.filter((s) => s !== skill) : [...form.skills, skill] });

  const addTag = () => {
    const tag = tagDraft.trim();
    if (!tag) return;
    let problem = '';
    if (tag.length > MAX_TAG_LENGTH) problem = `每个标签不超过 ${MAX_TAG_LENGTH} 个字`;
    else if (form.tags.length >= MAX_TAGS) problem = `最多 ${MAX_TAGS} 个标签`;
    if (problem) {
      setErrors({ ...errors, tags: problem });
      return;
    }
    if (!form.tags.includes(tag)) patch({ tags: [...form.tags, tag] });
    setTagDraft('');
    const { tags: _fixed, ...others } = errors;
    setErrors(others);
  };

  const save = async () => {
    if (!consent) {
      setErrors({ consent: '请先阅读并同意隐私说明' });
      return;
    }
    givePrivacyConsent();
    const saved = await submit(() =>
      saveMyVolunteerProfile({
        realName: form.realName.trim(),
        phone: form.phone.trim(),
        skills: form.skills,
        tags: form.tags,
        team: form.team.trim() || null,
        bio: form.bio.trim(),
        city: form.city || null,
      }),
    );
    if (!saved) return;
    profile.setData(saved);
    Taro.showToast({ title: '志愿者资料已保存', icon: 'none' });
    void getMe().catch(() => undefined); // a first profile makes a volunteer: refresh the roles
  };

  const existing = profile.data;
  const tagsError = listError(errors, 'tags');
  return (
    <PageShell>
      {existing ? (
        <View className="card">
          <Text className="title">累计志愿服务 {existing.totalHours} 小时</Text>
          <Text className="block muted">已完成 {existing.record.length} 次服务，时长由主办单位记录并认证。</Text>
          <View className="row vol-links">
            <Button className="btn" onClick={() => void Taro.navigateTo({ url: routes.volunteerShifts() })}>
              找岗位
            </Button>
            <Button className="btn btn--ghost" onClick={() => void Taro.navigateTo({ url: routes.volunteerApplications() })}>
              我的申请与证明
            </Button>
          </View>
        </View>
      ) : (
        <View className="card">
          <Text className="title">成为科技志愿者</Text>
          <Text className="block muted">填写资料后即可申请活动的志愿岗位，服务时长由主办单位记录。</Text>
        </View>
      )}

      <View className="card">
        <View className="field">
          <Text className="field__label">真实姓名</Text>
          <Input className="input" value={form.realName} maxlength={20} {...labelled('真实姓名')} onInput={(e) => patch({ realName: e.detail.value })} />
          {errors.realName ? <Text className="field__error">{errors.realName}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">手机号</Text>
          <Input className="input" type="number" maxlength={11} value={form.phone} {...labelled('手机号')} onInput={(e) => patch({ phone: e.detail.value })} />
          {errors.phone ? <Text className="field__error">{errors.phone}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">技能（至少选一项）</Text>
          <View>
            {volunteerSkills.map((skill) => {
              const on = form.skills.includes(skill);
              return (
                <View key={skill} className={`chip ${on ? 'chip--on' : ''}`} {...asButton(() => toggleSkill(skill), { pressed: on })}>
                  {on ? `✓ ${skill}` : skill}
                </View>
              );
            })}
          </View>
          {listError(errors, 'skills') ? <Text className="field__error">{listError(errors, 'skills')}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">其他特长标签（选填，最多 {MAX_TAGS} 个）</Text>
          {form.tags.length ? (
            <View>
              {form.tags.map((tag) => (
                <View
                  key={tag}
                  className="chip chip--on"
                  {...asButton(() => patch({ tags: form.tags.filter((t) => t !== tag) }))}
                  aria-label={`删除标签${tag}`}
                >
                  {tag} ✕
                </View>
              ))}
            </View>
          ) : null}
          <View className="row vol-tag-input">
            <Input
              className="input"
              value={tagDraft}
              maxlength={MAX_TAG_LENGTH}
              placeholder="如：无人机、急救员证"
              {...labelled('新标签')}
              onInput={(e) => setTagDraft(e.detail.value)}
            />
            <Button className="btn btn--ghost" onClick={addTag}>
              添加
            </Button>
          </View>
          {tagsError ? <Text className="field__error">{tagsError}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">服务城市（志愿岗位按它列出）</Text>
          <Picker
            mode="selector"
            range={cityOptions}
            value={Math.max(0, cityOptions.indexOf(form.city))}
            onChange={(e) => patch({ city: cityOptions[Number(e.detail.value)] ?? '' })}
          >
            <View className="input vol-picker" {...labelled(`服务城市：${form.city || '未选择'}，点按选择`)}>
              {form.city || '请选择'} ▾
            </View>
          </Picker>
          {errors.city ? <Text className="field__error">{errors.city}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">所属队伍（选填）</Text>
          <Input
            className="input"
            value={form.team}
            maxlength={40}
            placeholder="如：市科技志愿服务队"
            {...labelled('所属队伍')}
            onInput={(e) => patch({ team: e.detail.value })}
          />
          {errors.team ? <Text className="field__error">{errors.team}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">个人简介（选填）</Text>
          <Textarea className="textarea" value={form.bio} maxlength={500} {...labelled('个人简介')} onInput={(e) => patch({ bio: e.detail.value })} />
          {errors.bio ? <Text className="field__error">{errors.bio}</Text> : null}
        </View>
        <View className="check" onClick={() => setConsent(!consent)}>
          <Checkbox value="consent" checked={consent} ariaLabel="同意隐私说明" nativeProps={{ 'aria-label': '同意隐私说明' }} />
          <Text>我同意按《隐私说明》使用以上信息安排志愿服务</Text>
        </View>
        {errors.consent ? <Text className="field__error">{errors.consent}</Text> : null}
        <Button className="btn btn--block vol-save" loading={busy} disabled={busy} onClick={() => void save()}>
          {existing ? '保存资料' : '提交，成为志愿者'}
        </Button>
      </View>
    </PageShell>
  );
}
