// The venue on WeChat's native map, with a button into WeChat's own navigation.
import { Button, Map, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { VenueView } from '@kepu/shared';

export default function EventMap({ venue }: { venue: VenueView }) {
  if (venue.lat === null || venue.lng === null) return <Text className="muted">{venue.address || '暂无地址'}</Text>;
  const { lat, lng } = venue;
  return (
    <View>
      <Map
        className="event-map"
        latitude={lat}
        longitude={lng}
        scale={15}
        markers={[{ id: 1, latitude: lat, longitude: lng, title: venue.name, iconPath: '', width: 30, height: 40 }]}
        onError={() => undefined}
      />
      <Text className="muted">{venue.address}</Text>
      <Button
        className="btn btn--ghost event-map__open"
        onClick={() => void Taro.openLocation({ latitude: lat, longitude: lng, name: venue.name, address: venue.address, scale: 16 }).catch(() => undefined)}
      >
        查看路线
      </Button>
    </View>
  );
}
