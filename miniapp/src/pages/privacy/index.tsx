// 隐私说明: what we collect and why, shown before any personal data is asked for.
import { Button, Text, View } from '@tarojs/components';
import Taro, { useUnload } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '@/components/PageShell';
import { AGREE_BUTTON_ID, answerPrivacyRequest, givePrivacyConsent, hasPrivacyConsent } from '@/utils/privacy';
import './index.scss';

const sections: { title: string; body: string }[] = [
  {
    title: '我们收集什么',
    body: '登录时：微信分配给本小程序的匿名标识（openid）。报名时：你填写的参加者姓名、手机号和人数。申请志愿者时：真实姓名、手机号、技能和简介。使用“附近”时：当次的大致位置，仅用于排序，不保存。',
  },
  {
    title: '用来做什么',
    body: '仅用于活动报名、报名结果与候补递补通知（“我的 › 消息”，以及你同意接收的微信订阅消息）、现场签到和志愿服务记录。主办单位只能看到本单位活动的报名名单，手机号默认打码显示；查看完整号码会被记录备查。',
  },
  { title: '保存多久', body: '报名信息在活动结束后用于统计；你可以随时在“我的 › 设置 › 账号与安全”中删除个人信息，删除后报名记录只以匿名方式保留。' },
  { title: '不会做什么', body: '不会出售或向无关第三方提供你的信息，不会读取你的微信头像、通讯录或手机号。' },
];

export default function PrivacyPage() {
  const [agreed, setAgreed] = useState(hasPrivacyConsent());
  const agree = () => {
    givePrivacyConsent();
    answerPrivacyRequest(true);
    setAgreed(true);
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  };
  // Leaving without agreeing answers WeChat's pending question with no.
  useUnload(() => answerPrivacyRequest(false));
  return (
    <PageShell>
      <View className="card">
        <Text className="h1">科普汇隐私说明</Text>
        {sections.map((section) => (
          <View key={section.title} className="privacy__section">
            <Text className="title">{section.title}</Text>
            <Text className="privacy__body">{section.body}</Text>
          </View>
        ))}
      </View>
      <View className="section">
        {agreed ? (
          <Text className="muted">你已同意本说明。</Text>
        ) : process.env.TARO_ENV === 'weapp' ? (
          // In weapp the tap itself is WeChat's consent record (open-type agreePrivacyAuthorization).
          <Button id={AGREE_BUTTON_ID} className="btn btn--block" openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={agree}>
            我已阅读并同意
          </Button>
        ) : (
          <Button id={AGREE_BUTTON_ID} className="btn btn--block" onClick={agree}>
            我已阅读并同意
          </Button>
        )}
      </View>
    </PageShell>
  );
}
