// 志愿岗位 on an event's page: the event's shifts, if it has any, each with its
// apply button. Nothing shows while they load or when there are none.
import { Text, View } from '@tarojs/components';
import ShiftCard, { toShiftRow } from '@/components/ShiftCard';
import { renderState } from '@/components/StateView';
import { useRequest } from '@/hooks/useRequest';
import { useSession } from '@/hooks/useSession';
import { listEventShifts } from '@/services/volunteer';

async function loadRows(eventId: string) {
  const page = await listEventShifts(eventId);
  return page.items.map(toShiftRow);
}

export default function EventShifts({ eventId, open }: { eventId: string; open: boolean }) {
  const { user } = useSession();
  // Signed in, each shift carries my own application: reload when the user changes.
  const shifts = useRequest(() => loadRows(eventId), [eventId, user?.id]);
  const rows = shifts.data ?? [];
  if (shifts.loading || (!shifts.error && rows.length === 0)) return null;

  return (
    <View className="event-shifts">
      <Text className="section block title">志愿岗位</Text>
      {renderState({ error: shifts.error, onRetry: () => void shifts.reload() }) ??
        rows.map((row) => (
          <ShiftCard key={row.id} shift={row} open={open} onChange={(next) => shifts.setData(rows.map((r) => (r.id === next.id ? next : r)))} />
        ))}
    </View>
  );
}
