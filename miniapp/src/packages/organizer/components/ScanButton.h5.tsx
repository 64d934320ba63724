// Browsers have no scanner here: say so, the entry below and the list do the job.
import { Text } from '@tarojs/components';

export default function ScanButton(_props: { onCode: (code: string) => void }) {
  return <Text className="block muted">网页版不支持扫码：请输入居民报出的 6 位数字、粘贴签到码，或在下方名单中点选。</Text>;
}
