// The "我已阅读并同意《隐私说明》" checkbox of the login and sign-up forms: the
// whole row toggles it, the link opens the notice without toggling.
import { Checkbox, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes } from '@/utils/routes';

export default function PrivacyConsent({ checked, onToggle, purpose }: { checked: boolean; onToggle: () => void; purpose?: string }) {
  return (
    <View className="check" onClick={onToggle}>
      <Checkbox value="consent" checked={checked} ariaLabel="同意隐私说明" nativeProps={{ 'aria-label': '同意隐私说明' }} />
      <Text>
        我已阅读并同意
        <Text
          className="link"
          onClick={(e) => {
            e.stopPropagation();
            void Taro.navigateTo({ url: routes.privacy() });
          }}
        >
          《隐私说明》
        </Text>
        {purpose ? `，${purpose}` : null}
      </Text>
    </View>
  );
}
