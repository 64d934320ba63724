// 志愿者资料: become a 科技志愿者 or update the profile; shows the hours served.
import { Button, Checkbox, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import LoginPrompt from '@/components/LoginPrompt';
import PageShell from '@/components/PageShell';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { getMe } from '@/services/me';
import { toApiError } from '@/services/request';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import type { VolunteerProfile } from '@/services/types';
import { getMyVolunteerProfile, saveMyVolunteerProfile } from '@/services/volunteer';
import { givePrivacyConsent, hasPrivacyConsent } from '@/utils/privacy';
import { routes } from '@/utils/routes';
import '../../volunteer.scss';

const skillChoices = ['科普讲解', '应急救护', '医疗健康', '信息技术', '农业技术', '摄影摄像', '活动组织', '外语翻译'];

/** A missing profile is a 404: that is "not a volunteer yet", not an error. */
async function loadProfile(): Promise<VolunteerProfile | null> {
  try {
    return await getMyVolunteerProfile();
  } catch (caught) {
    if (toApiError(caught).status === 404) return null;
    throw caught;
  }
}

export default function VolunteerProfilePage() {
  const { user } = useSession();
  const profile = useRequest(user ? loadProfile : null, [user?.id]);
  const [realName, setRealName] = useState('');
  const [phone, setPhone] = useState('');
  const [skills, setSkills] = useState<string[]>([]);
  const [team, setTeam] = useState('');
  const [bio, setBio] = useState('');
  const [consent, setConsent] = useState(hasPrivacyConsent());
  const { busy, errors, setErrors, submit } = useFormSubmit();

  useEffect(() => {
    const p = profile.data;
    setRealName(p?.realName ?? '');
    setPhone(p?.phone ?? user?.phone ?? '');
    setSkills(p?.skills ?? []);
    setTeam(p?.team ?? '');
    setBio(p?.bio ?? '');
  }, [profile.data, user?.phone]);

  if (!user) return <PageShell><LoginPrompt text="登录后可申请成为科技志愿者" /></PageShell>;
  const state = renderState({ loading: profile.loading, error: profile.error, onRetry: () => void profile.reload() });
  if (state) return <PageShell>{state}</PageShell>;

  const toggleSkill = (skill: string) => setSkills(skills.includes(skill) ? skills.filter((s) => s !== skill) : [...skills, skill]);

  const save = async () => {
    if (!consent) {
      setErrors({ consent: '请先阅读并同意隐私说明' });
      return;
    }
    givePrivacyConsent();
    const saved = await submit(() =>
      saveMyVolunteerProfile({ realName: realName.trim(), phone: phone.trim(), skills, team: team.trim() || undefined, bio: bio.trim() || undefined }));
    if (!saved) return;
    profile.setData(saved);
    Taro.showToast({ title: '志愿者资料已保存', icon: 'none' });
    void getMe().catch(() => undefined); // the volunteer role is new: refresh roles
  };

  const existing = profile.data;
  return (
    <PageShell>
      {existing ? (
        <View className="card">
          <Text className="title">累计志愿服务 {existing.totalHours ?? 0} 小时</Text>
          <View className="row vol-links">
            <Button className="btn" onClick={() => void Taro.navigateTo({ url: routes.volunteerShifts() })}>找岗位</Button>
            <Button className="btn btn--ghost" onClick={() => void Taro.navigateTo({ url: routes.volunteerApplications() })}>我的申请与记录</Button>
          </View>
        </View>
      ) : (
        <View className="card">
          <Text className="title">成为科技志愿者</Text>
          <Text className="block muted">填写资料后即可报名活动的志愿岗位，服务时长由主办单位记录。</Text>
        </View>
      )}

      <View className="card">
        <View className="field">
          <Text className="field__label">真实姓名</Text>
          <Input className="input" value={realName} maxlength={20} ariaLabel="真实姓名" onInput={(e) => setRealName(e.detail.value)} />
          {errors.realName ? <Text className="field__error">{errors.realName}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">手机号</Text>
          <Input className="input" type="number" maxlength={11} value={phone} ariaLabel="手机号" onInput={(e) => setPhone(e.detail.value)} />
          {errors.phone ? <Text className="field__error">{errors.phone}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">技能（可多选）</Text>
          <View>
            {skillChoices.map((skill) => (
              <View key={skill} className={`chip ${skills.includes(skill) ? 'chip--on' : ''}`} onClick={() => toggleSkill(skill)}>
                {skills.includes(skill) ? `✓ ${skill}` : skill}
              </View>
            ))}
          </View>
          {errors.skills ? <Text className="field__error">{errors.skills}</Text> : null}
        </View>
        <View className="field">
          <Text className="field__label">所属队伍（选填）</Text>
          <Input className="input" value={team} maxlength={40} ariaLabel="所属队伍" onInput={(e) => setTeam(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field__label">个人简介（选填）</Text>
          <Textarea className="textarea" value={bio} maxlength={300} onInput={(e) => setBio(e.detail.value)} />
        </View>
        <View className="check" onClick={() => setConsent(!consent)}>
          <Checkbox value="consent" checked={consent} ariaLabel="同意隐私说明" />
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
