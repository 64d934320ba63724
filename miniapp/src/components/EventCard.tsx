// One event in a list: what a resident needs to decide whether to tap.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EventView } from '@kepu/shared';
import { seatsLeft } from '@kepu/shared/rules/seats';
import { isBookable } from '@kepu/shared/rules/signup-window';
import { asButton } from '@/utils/a11y';
import { routes } from '@/utils/routes';
import { formatRange } from '@/utils/time';
import { imageSrc } from '@/utils/images';
import './EventCard.scss';

/** The slice of an event a card shows; lists keep only this in page data. */
export interface EventCardRow {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  district: string;
  organizerName: string;
  audiences: string[];
  /** Campaign periods (a whole 宣传月) take no sign-ups: residents book the activities inside them. */
  needsSignup: boolean;
  seatsLeft: number;
  waitlistCount: number;
  distanceKm?: number;
  campaignName?: string;
  /** The cover's thumbnail (or the campaign's artwork); absent without one. */
  thumbnailUrl?: string;
}

export function toEventCardRow(event: EventView): EventCardRow {
  return {
    id: event.id,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    venueName: event.venue?.name ?? '',
    district: event.district ?? '',
    organizerName: event.organizer?.name ?? '',
    audiences: (event.audiences ?? []).slice(0, 4),
    needsSignup: isBookable(event.kind),
    seatsLeft: seatsLeft({ capacity: event.capacity ?? 0, confirmedSeats: event.confirmedCount ?? 0 }),
    waitlistCount: event.waitlistCount ?? 0,
    distanceKm: event.distanceKm,
    campaignName: event.campaign?.name,
    thumbnailUrl: event.coverThumbnailUrl ?? undefined,
  };
}

export default function EventCard({ event }: { event: EventCardRow }) {
  return (
    <View className="card event-card" hoverClass="pressed" {...asButton(() => void Taro.navigateTo({ url: routes.eventDetail(event.id) }))}>
      <View className="event-card__head">
        <View className="event-card__text">
          <Text className="title">{event.title}</Text>
          <Text className="event-card__line">{formatRange(event.startsAt, event.endsAt)}</Text>
          <Text className="event-card__line">
            {event.district ? `${event.district} · ` : ''}
            {event.venueName}
            {event.distanceKm !== undefined ? `（${event.distanceKm.toFixed(1)} 公里）` : ''}
          </Text>
          <Text className="event-card__line muted">主办：{event.organizerName}</Text>
        </View>
        {event.thumbnailUrl ? (
          // Decorative: the title says what the event is. A fixed box, so the card does not move when it loads.
          <View className="event-card__thumb" aria-hidden>
            <Image className="event-card__thumb-image" src={imageSrc(event.thumbnailUrl)} mode="aspectFill" lazyLoad />
          </View>
        ) : null}
      </View>
      <View className="event-card__tags">
        {event.campaignName ? <Text className="tag">{event.campaignName}</Text> : null}
        {event.audiences.map((audience) => (
          <Text className="tag" key={audience}>
            {audience}
          </Text>
        ))}
        {!event.needsSignup ? (
          <Text className="tag">无需报名</Text>
        ) : event.seatsLeft > 0 ? (
          <Text className="tag tag--ok">剩余 {event.seatsLeft} 个名额</Text>
        ) : (
          <Text className="tag tag--warn">已满，可候补{event.waitlistCount ? `（候补 ${event.waitlistCount} 份报名）` : ''}</Text>
        )}
      </View>
    </View>
  );
}
