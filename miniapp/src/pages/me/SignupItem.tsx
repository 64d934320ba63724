// One of my sign-ups with what I can do about it.
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MySignupView } from '@kepu/shared';
import { routes } from '@/utils/routes';
import { formatRange } from '@/utils/time';

interface Props {
  signup: MySignupView;
  upcoming: boolean;
  onShowCode: () => void;
  /** A family member's booking: make the link of their code page and open it to forward. */
  onForward: () => void;
  /** Correct the attendee's name or phone. */
  onEdit: () => void;
  onCancel: () => void;
}

export default function SignupItem({ signup, upcoming, onShowCode, onForward, onEdit, onCancel }: Props) {
  const { event } = signup;
  const status = signup.checkedInAt ? (
    <Text className="tag tag--ok">已签到</Text>
  ) : signup.status === 'waitlisted' ? (
    <Text className="tag tag--warn">候补第 {signup.waitlistPosition ?? '?'} 位</Text>
  ) : signup.status === 'cancelled' ? (
    <Text className="tag tag--warn">已取消</Text>
  ) : (
    <Text className="tag tag--ok">已报名{signup.partySize && signup.partySize > 1 ? ` ${signup.partySize} 人` : ''}</Text>
  );
  const { attendee } = signup;
  return (
    <View className="card">
      <View onClick={() => void Taro.navigateTo({ url: routes.eventDetail(signup.eventId) })}>
        <Text className="title">{event.title}</Text>
        <Text className="me-line">{formatRange(event.startsAt, event.endsAt)}</Text>
        <Text className="me-line muted">{event.venue?.name}</Text>
        <Text className="me-line me-attendee">参加者：{attendee.forOther ? `${attendee.name}（家人）` : `${attendee.name}（本人）`}</Text>
        <View className="me-line">{status}</View>
      </View>
      {upcoming && signup.status !== 'cancelled' ? (
        <View className="row me-actions">
          {signup.status === 'confirmed' && !signup.checkedInAt ? (
            <Button className="btn" onClick={onShowCode}>
              {attendee.forOther ? `${attendee.name}的签到码` : '签到码'}
            </Button>
          ) : null}
          {attendee.forOther && !signup.checkedInAt ? (
            <Button className="btn btn--ghost" onClick={onForward}>
              转发给家人
            </Button>
          ) : null}
          {!signup.checkedInAt ? (
            <Button className="btn btn--ghost" onClick={onEdit}>
              修改参加者
            </Button>
          ) : null}
          <Button className="btn btn--danger" onClick={onCancel}>
            取消报名
          </Button>
        </View>
      ) : null}
    </View>
  );
}
