// Browsers have no scanner here: say so, the manual entry below does the job.
import { Text } from '@tarojs/components';

export default function ScanButton(_props: { onCode: (code: string) => void }) {
  return <Text className="block muted">网页版不支持扫码，请在下方输入居民出示的签到码。</Text>;
}
