// A login code just issued: shown once, large, with how long it lasts and what the person does with it.
import { Text, View } from '@tarojs/components';
import type { LoginCodeView } from '@kepu/shared';
import { formatDateTime } from '@/utils/time';

export default function LoginCodeCard({ issued }: { issued: LoginCodeView }) {
  return (
    <View className="admin-code" role="status">
      <Text className="block">{issued.nickname} 的网页登录码：</Text>
      <Text className="admin-code__value" selectable>
        {issued.code}
      </Text>
      <Text className="block muted">
        {formatDateTime(issued.expiresAt)} 前有效，只能用一次。请告诉本人：打开网页版，在“我的 › 登录”页输入此码。此码只显示这一次。
      </Text>
    </View>
  );
}
