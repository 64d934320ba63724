// The check-in QR of one sign-up, drawn on the device from the signed code,
// with the 6 digits to read out at the door. Fetched when opened and kept on
// the device until it expires, so it still opens with no network at the venue.
import { Button, Text, View } from '@tarojs/components';
import QrCode from '@/components/QrCode';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { getCheckinCode } from '@/services/me';
import type { MySignupView } from '@kepu/shared';
import { formatDateTime, formatRange } from '@/utils/time';

export default function CheckinSheet({ signup, onClose, onForward }: { signup: MySignupView; onClose: () => void; onForward: () => void }) {
  const code = useRequest(() => getCheckinCode(signup.id), [signup.id]);
  const expired = code.data ? Date.parse(code.data.expiresAt) <= Date.now() : false;
  const state = renderState({ loading: code.loading, error: code.error, onRetry: () => void code.reload() });

  return (
    <View className="sheet-mask" onClick={onClose}>
      <View className="sheet" onClick={(e) => e.stopPropagation()}>
        <Text className="title">{signup.event.title}</Text>
        <Text className="sheet__attendee">
          参加者：{signup.attendee.name}
          {signup.attendee.forOther ? '（家人）' : ''}
        </Text>
        <Text className="muted">
          {formatRange(signup.event.startsAt, signup.event.endsAt)} · {signup.event.venue?.name}
        </Text>
        <View className="sheet__qr">
          {state ??
            (code.data ? (
              <View className="sheet__qr-inner">
                <QrCode text={code.data.code} size={240} />
                <Text className="sheet__short" aria-label={`签到数字码 ${code.data.shortCode.split('').join(' ')}`}>
                  {code.data.shortCode.slice(0, 3)} {code.data.shortCode.slice(3)}
                </Text>
                {code.data.stored ? <Text className="muted">离线显示（已保存在本机）</Text> : null}
                <Text className="muted sheet__expiry">{expired ? '签到码已过期，请刷新' : `有效期至 ${formatDateTime(code.data.expiresAt)}`}</Text>
              </View>
            ) : null)}
        </View>
        <Text className="muted">到场后请出示此二维码，或向工作人员报出下方 6 位数字。</Text>
        {signup.attendee.forOther ? (
          <Button className="btn btn--block sheet__forward" onClick={onForward}>
            转发给{signup.attendee.name}（对方无需登录）
          </Button>
        ) : null}
        <View className="row sheet__actions">
          <Button className="btn btn--ghost" onClick={() => void code.reload()}>
            刷新签到码
          </Button>
          <Button className="btn" onClick={onClose}>
            关闭
          </Button>
        </View>
      </View>
    </View>
  );
}
