// The prompt on an organizer's event whose plan task calls for 科技志愿服务 and
// which has no shift yet: say so and lead to where shifts are added.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRequest } from '@/hooks/useRequest';
import { listVolunteerNeeds } from '@/services/volunteer';
import { asButton } from '@/utils/a11y';
import { routes } from '@/utils/routes';

/** Ids of my events linked to such a task that have opened no shift yet (empty until loaded, or on failure). */
export function useEventsNeedingShifts(enabled: boolean): { ids: ReadonlySet<string>; reload: () => Promise<void> } {
  const needs = useRequest(enabled ? listVolunteerNeeds : null, [enabled]);
  const ids = new Set((needs.data ?? []).flatMap((need) => need.events.filter((e) => e.shiftCount === 0).map((e) => e.id)));
  return { ids, reload: async () => void (await needs.reload()) };
}

export default function VolunteerNeedHint({ eventId }: { eventId: string }) {
  return (
    <View className="org-line volunteer-need-hint" {...asButton(() => void Taro.navigateTo({ url: routes.organizerEdit(eventId) }))}>
      <Text>该任务需要科技志愿者，可添加志愿岗位 ›</Text>
    </View>
  );
}
