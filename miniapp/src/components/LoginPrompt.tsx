// What a signed-out visitor sees on a page that needs an account.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes } from '@/utils/routes';

export default function LoginPrompt({ text = '请先登录' }: { text?: string }) {
  return (
    <View className="card">
      <Text className="title">{text}</Text>
      <Button className="btn btn--block login-prompt__btn" onClick={() => void Taro.navigateTo({ url: routes.login() })}>
        去登录
      </Button>
    </View>
  );
}
