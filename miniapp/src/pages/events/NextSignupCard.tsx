// 我的下一场: the signed-in resident's soonest upcoming sign-up, on top of home.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MySignupView } from '@kepu/shared';
import { asButton } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { formatRange } from '@/utils/time';

export default function NextSignupCard({ signup }: { signup: MySignupView }) {
  const open = () => void Taro.navigateTo({ url: routes.eventDetail(signup.eventId) });
  return (
    <View className="card next-signup" {...asButton(open)}>
      <Text className="next-signup__kicker">我的下一场</Text>
      <Text className="title">{signup.event.title}</Text>
      <Text className="muted block">{formatRange(signup.event.startsAt, signup.event.endsAt)}</Text>
      <Text className="muted block">
        {signup.event.venue.name}
        {signup.status === 'waitlisted' ? ` · 候补第 ${signup.waitlistPosition ?? ''} 位` : ''}
      </Text>
      <Text className="next-signup__action">查看详情 ›</Text>
    </View>
  );
}
