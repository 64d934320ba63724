// 证明核验: anyone (no sign-in) checks a 志愿服务记录证明 by its serial, opened from the
// QR code on the PDF or typed in: the volunteer's name masked, certified hours, the
// organizations that certified them and the issue date. Nothing else about the person.
import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CertificateCheckView } from '@kepu/shared';
import PageShell from '@/components/PageShell';
import { useRequest } from '@/hooks/useRequest';
import { toApiError } from '@/services/request';
import { checkCertificate } from '@/services/volunteer';
import { labelled } from '@/utils/a11y';
import { readParam } from '@/utils/routes';
import '../../volunteer.scss';

/** 2026-12-05 as 2026年12月5日. */
function writtenDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export default function CertificateCheckPage() {
  const { params } = useRouter();
  const [serial, setSerial] = useState(() => readParam(params.serial).trim());
  const [draft, setDraft] = useState(serial);
  const check = useRequest(serial ? () => checkCertificate(serial) : null, [serial]);

  let result;
  if (!serial) result = <Text className="block muted">请输入证明上的证书编号（如 KP-2026-XXXXXXXX），或用微信扫描证明上的二维码。</Text>;
  else if (check.loading) result = <Text className="block muted">正在核验…</Text>;
  else if (check.error) {
    const missing = toApiError(check.error).status === 404;
    result = (
      <View className="card cert-check cert-check--bad" role="status">
        <Text className="title">{missing ? '未找到这份证明' : '暂时无法核验'}</Text>
        <Text className="vol-line">{missing ? `没有编号为 ${serial} 的志愿服务记录证明，请核对编号。` : check.error.message}</Text>
      </View>
    );
  } else if (check.data) result = <Verified certificate={check.data} />;

  return (
    <PageShell>
      <View className="section">
        <Text className="block">证书编号</Text>
        <View className="row vol-tag-input">
          <Input className="input" value={draft} maxlength={24} {...labelled('证书编号')} onInput={(e) => setDraft(e.detail.value)} />
          <Button className="btn" onClick={() => setSerial(draft.trim().toUpperCase())}>
            核验
          </Button>
        </View>
      </View>
      <View className="section">{result}</View>
    </PageShell>
  );
}

function Verified({ certificate }: { certificate: CertificateCheckView }) {
  return (
    <View className="card cert-check" role="status">
      <Text className="tag tag--ok">✓ 证明真实有效</Text>
      <Text className="title vol-line">志愿服务记录证明</Text>
      <Text className="vol-line">志愿者：{certificate.maskedName}</Text>
      <Text className="vol-line">
        已认证服务时长：{certificate.totalHours} 小时（{certificate.serviceCount} 次服务）
      </Text>
      <Text className="vol-line">认证单位：{certificate.organizations.join('、') || '—'}</Text>
      <Text className="vol-line">出具日期：{writtenDate(certificate.issuedOn)}</Text>
      <Text className="vol-line muted">证书编号：{certificate.serial}</Text>
      <Text className="vol-line muted">为保护个人信息，姓名已部分隐藏；服务时长由各活动主办单位记录并认证。</Text>
    </View>
  );
}
