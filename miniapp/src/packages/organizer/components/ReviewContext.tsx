// For reviewers, beside an event in the queue: the volunteer shifts it asks for, and how the
// organization's earlier events fared (published, rejected and why, still waiting).
import { Text, View } from '@tarojs/components';
import type { EventView } from '@kepu/shared';
import { useRequest } from '@/hooks/useRequest';
import { getOrganizationHistory } from '@/services/organizer';
import { listEventShifts } from '@/services/volunteer';
import { formatRange } from '@/utils/time';

export default function ReviewContext({ event }: { event: Pick<EventView, 'id' | 'organizer'> }) {
  const shifts = useRequest(() => listEventShifts(event.id).then((page) => page.items), [event.id]);
  const organizerId = event.organizer?.id;
  const history = useRequest(organizerId ? () => getOrganizationHistory(organizerId) : null, [organizerId]);
  return (
    <View className="review-context">
      {shifts.data ? (
        <Text className="org-line">
          {shifts.data.length === 0
            ? '志愿岗位：无'
            : `志愿岗位：${shifts.data.map((s) => `${s.role} ${s.slots}人（${formatRange(s.startsAt, s.endsAt)}）`).join('；')}`}
        </Text>
      ) : null}
      {history.data ? (
        <View>
          <Text className="org-line">
            {`${event.organizer?.name ?? '该单位'}以往：已发布 ${history.data.published} 场，被驳回 ${history.data.rejected} 场，待审核 ${history.data.pending} 场`}
          </Text>
          {history.data.recentRejections.map((r) => (
            <Text key={r.eventId} className="org-line muted">
              {`曾驳回“${r.title}”${r.reason ? `：${r.reason}` : ''}`}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
