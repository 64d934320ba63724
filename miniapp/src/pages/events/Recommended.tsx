// 为老年人推荐 …: up to three upcoming events of the city that suit who is
// looking, above the list, each saying why. Signed in, the server ranks them
// (GET /events/recommended, by the account's answer); signed out, the same
// shared rule runs here over the city's next events.
import { Text, View } from '@tarojs/components';
import type { EventView, RecommendedEventView, ViewerAudience } from '@kepu/shared';
import { recommendFirst } from '@kepu/shared/rules/recommend';
import EventCard, { toEventCardRow } from '@/components/EventCard';
import { useRequest } from '@/hooks/useRequest';
import { listEvents, listRecommended } from '@/services/events';

const SHOWN = 3;

async function load(city: string, viewer: ViewerAudience, signedIn: boolean): Promise<(EventView & { reason: string | null })[]> {
  const ranked: RecommendedEventView[] = signedIn
    ? await listRecommended({ city, limit: 50 })
    : recommendFirst(viewer, (await listEvents({ city }, null, 50)).items);
  return ranked.filter((event) => event.reason).slice(0, SHOWN);
}

export default function Recommended({ city, viewer, signedIn }: { city: string; viewer: ViewerAudience; signedIn: boolean }) {
  const picks = useRequest(() => load(city, viewer, signedIn), [city, viewer, signedIn]);
  const items = picks.data ?? [];
  if (!items.length) return null;
  return (
    <View className="recommended">
      <Text className="section title">{items[0]!.reason}</Text>
      {items.map((event) => (
        <View key={event.id} className="recommended__item">
          <EventCard event={toEventCardRow(event)} />
        </View>
      ))}
      <Text className="section title">全部活动</Text>
    </View>
  );
}
