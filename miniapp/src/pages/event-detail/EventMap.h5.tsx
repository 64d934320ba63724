// H5 has no native map component: the address plus a link that opens a web map.
import { Text, View } from '@tarojs/components';
import type { VenueView } from '@kepu/shared';

export default function EventMap({ venue }: { venue: VenueView }) {
  const hasPoint = venue.lat !== null && venue.lng !== null;
  const href = hasPoint
    ? `https://uri.amap.com/marker?position=${venue.lng},${venue.lat}&name=${encodeURIComponent(venue.name)}&coordinate=gaode&callnative=1`
    : `https://uri.amap.com/search?keyword=${encodeURIComponent(venue.address || venue.name)}`;
  return (
    <View className="event-map event-map--static">
      <Text className="muted">{venue.address || venue.name}</Text>
      <a className="btn btn--ghost event-map__open" href={href} target="_blank" rel="noopener noreferrer">
        在地图中查看
      </a>
    </View>
  );
}
