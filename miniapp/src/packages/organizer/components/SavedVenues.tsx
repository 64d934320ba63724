// 常用场馆: the organization's saved venues; a tap fills the venue's name,
// address, district and coordinates. A venue an event names is saved by the
// server itself, so the list grows as the organization posts.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
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

/** Rows shown before 更多常用场馆: the most recently used ones. */
const FIRST_ROWS = 5;

/** 路南区 · 南湖大道1号, without saying the district twice when the address starts with it. */
const placeOf = (venue: OrganizationVenueView) =>
  venue.district && !venue.address.startsWith(venue.district) ? [venue.district, venue.address].filter(Boolean).join(' · ') : venue.address;

export default function SavedVenues({ organizerId, current, onPick }: Props) {
  const venues = useRequest(organizerId ? () => listSavedVenues(organizerId) : null, [organizerId]);
  const [all, setAll] = useState(false);
  const items = venues.data ?? [];
  if (items.length === 0) return null;
  const rows = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <View className="field saved-venues">
      <Text className="field__label">常用场馆</Text>
      <Text className="block muted">点选填入名称、地址和位置；新场馆在下方填写，保存活动后自动加入常用场馆。</Text>
      {rows.map((venue) => {
        const on = venue.name === current.name.trim() && venue.address === current.address.trim();
        return (
          <View key={venue.id} className={`saved-venue ${on ? 'saved-venue--on' : ''}`} {...asButton(() => onPick(venue), { pressed: on })}>
            <Text className="block saved-venue__name">{venue.name}</Text>
            {placeOf(venue) ? <Text className="block saved-venue__address">{placeOf(venue)}</Text> : null}
          </View>
        );
      })}
      {items.length > FIRST_ROWS ? (
        <View className="task-picker__toggle link" {...asButton(() => setAll(!all), { expanded: all })}>
          {all ? '收起 ▴' : `更多常用场馆（共${items.length}个） ▾`}
        </View>
      ) : null}
    </View>
  );
}
