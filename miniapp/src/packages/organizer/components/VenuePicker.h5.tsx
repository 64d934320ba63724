// In a browser the coordinates are typed (optional): they power the map and 附近.
import { Input, Text, View } from '@tarojs/components';
import type { VenueView } from '@kepu/shared';

export default function VenuePicker({ venue, onChange }: { venue: VenueView; onChange: (venue: VenueView) => void }) {
  const toNumber = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? null : Number(text));
  return (
    <View className="field">
      <Text className="field__label">坐标（选填，纬度 / 经度）</Text>
      <View className="org-row-inline">
        <Input
          className="input"
          type="digit"
          placeholder="纬度，如 39.63"
          value={venue.lat === null ? '' : String(venue.lat)}
          onInput={(e) => onChange({ ...venue, lat: toNumber(e.detail.value) })}
        />
        <Input
          className="input"
          type="digit"
          placeholder="经度，如 118.18"
          value={venue.lng === null ? '' : String(venue.lng)}
          onInput={(e) => onChange({ ...venue, lng: toNumber(e.detail.value) })}
        />
      </View>
    </View>
  );
}
