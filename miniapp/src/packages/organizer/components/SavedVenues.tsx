// 常用场馆: the organization's saved venues; a tap fills the venue's name,
// address, district and coordinates. A venue an event names is saved by the
// server itself, so the list grows as the organization posts.
import { Text, View } from '@tarojs/components';
import type { OrganizationVenueView } from '@kepu/shared';
import { useRequest } from '@/hooks/useRequest';
import { listSavedVenues } from '@/services/organizer';
import { asButton } from '@/utils/a11y';

interface Props {
  organizerId: string | null;
  /** The venue now in the form, to mark its row. */
  current: { name: string; address: string };
  onPick: (venue: OrganizationVenueView) => void;
}

export default function SavedVenues({ organizerId, current, onPick }: Props) {
  const venues = useRequest(organizerId ? () => listSavedVenues(organizerId) : null, [organizerId]);
  const items = venues.data ?? [];
  if (items.length === 0) return null;
  return (
    <View className="field saved-venues">
      <Text className="field__label">常用场馆</Text>
      <Text className="block muted">点选填入名称、地址和位置；新场馆在下方填写，保存活动后自动加入常用场馆。</Text>
      {items.map((venue) => {
        const on = venue.name === current.name.trim() && venue.address === current.address.trim();
        return (
          <View key={venue.id} className={`saved-venue ${on ? 'saved-venue--on' : ''}`} {...asButton(() => onPick(venue), { pressed: on })}>
            <Text className="block saved-venue__name">{venue.name}</Text>
            {venue.address || venue.district ? (
              <Text className="block saved-venue__address">{[venue.district, venue.address].filter(Boolean).join(' · ')}</Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
