// Picks the venue on WeChat's map: name, address and coordinates in one step.
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { VenueView } from '@kepu/shared';

export default function VenuePicker({ venue, onChange }: { venue: VenueView; onChange: (venue: VenueView) => void }) {
  const choose = () => {
    Taro.chooseLocation({ latitude: venue.lat ?? undefined, longitude: venue.lng ?? undefined })
      .then((place) => onChange({ name: place.name || venue.name, address: place.address, lat: place.latitude, lng: place.longitude }))
      .catch(() => undefined); // cancelled
  };
  return (
    <Button className="btn btn--ghost btn--block" onClick={choose}>
      {venue.lat !== null ? '重新在地图上选择地点' : '在地图上选择地点'}
    </Button>
  );
}
