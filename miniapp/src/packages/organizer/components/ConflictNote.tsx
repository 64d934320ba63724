// 场馆冲突: other events booked at the same venue at an overlapping time, from
// any organization. The form passes the conflicts its save answered with; the
// review queue passes an event id and the note asks the server. Nothing shows
// when the venue is free.
import { Text, View } from '@tarojs/components';
import type { VenueConflictView } from '@kepu/shared';
import { useRequest } from '@/hooks/useRequest';
import { getVenueConflicts } from '@/services/organizer';
import { formatRange } from '@/utils/time';

interface Props {
  /** Known conflicts (from a save's answer); without them the note asks for the event's. */
  conflicts?: VenueConflictView[];
  eventId?: string;
}

const statusNames: Record<string, string> = { pending: '待审核', published: '已发布' };

export default function ConflictNote({ conflicts, eventId }: Props) {
  const fetched = useRequest(!conflicts && eventId ? () => getVenueConflicts(eventId) : null, [eventId, Boolean(conflicts)]);
  const items = conflicts ?? fetched.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <View className="org-notice conflict-note">
      <Text className="title block">场馆冲突：同一场馆有{items.length}场活动时间重叠</Text>
      {items.map((c) => (
        <View key={c.id} className="conflict-note__item">
          <Text className="block">{c.title}</Text>
          <Text className="block">
            {c.organization.name} · {formatRange(c.startsAt, c.endsAt)} · {statusNames[c.status] ?? c.status}
          </Text>
        </View>
      ))}
      <Text className="block">请与对方单位协调时间或场地；仍可保存和提交。</Text>
    </View>
  );
}
