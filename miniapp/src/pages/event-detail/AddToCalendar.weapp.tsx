// Adds the event to the phone's calendar through WeChat.
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EventView } from '@kepu/shared';

export default function AddToCalendar({ event }: { event: EventView }) {
  const add = () => {
    const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    Taro.addPhoneCalendar({
      title: event.title,
      startTime: seconds(event.startsAt),
      endTime: seconds(event.endsAt) as unknown as string,
      location: [event.venue.name, event.venue.address].filter(Boolean).join(' '),
      description: `主办：${event.organizer.name}`,
      alarm: true,
      alarmOffset: 3600,
    })
      .then(() => Taro.showToast({ title: '已加入手机日历', icon: 'none' }))
      .catch(() => Taro.showToast({ title: '未能加入日历，请检查日历权限', icon: 'none' }));
  };
  return (
    <Button className="btn btn--ghost" onClick={add}>
      加入日历
    </Button>
  );
}
