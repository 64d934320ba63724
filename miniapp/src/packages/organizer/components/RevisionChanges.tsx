// A change to a published event, field by field: what the public sees now
// (原) and what was proposed (改为). The reviewer decides on exactly this; the
// organizer sees what is awaiting review.
import { Image, Text, View } from '@tarojs/components';
import type { EventChangesView, EventView } from '@kepu/shared';
import { reviewedEventFields, type ReviewedEventField } from '@kepu/shared/rules/event-review';
import { formatDateTime } from '@/utils/time';
import { imageSrc } from '@/utils/images';

const labels: Record<ReviewedEventField, string> = {
  title: '活动名称',
  description: '活动介绍',
  city: '城市',
  district: '区县',
  venue: '场馆',
  startsAt: '开始时间',
  endsAt: '结束时间',
  capacity: '名额',
  audiences: '适合人群',
  themes: '主题',
  campaign: '品牌活动',
  coverImageId: '封面图片',
};

/** The present value, shortened: the proposed one is shown in full, as it is what gets approved. */
const BEFORE_LIMIT = 120;

function shown(field: ReviewedEventField, value: EventChangesView[ReviewedEventField]): string {
  if (value === null || value === undefined) return field === 'campaign' ? '不属于品牌活动' : field === 'coverImageId' ? '无封面' : '（空）';
  switch (field) {
    case 'venue': {
      const venue = value as EventView['venue'];
      return [venue.name, venue.address].filter(Boolean).join('，');
    }
    case 'startsAt':
    case 'endsAt':
      return formatDateTime(value as string);
    case 'capacity':
      return `${value as number} 人`;
    case 'audiences':
    case 'themes':
      return (value as string[]).length ? (value as string[]).join('、') : '（无）';
    case 'campaign':
      return (value as NonNullable<EventView['campaign']>).name;
    case 'coverImageId':
      return '已设置封面';
    default:
      return (value as string) || '（空）';
  }
}

/** One side of a cover change: the picture, or 无封面. */
function CoverBefore({ label, url }: { label: string; url: string | null }) {
  return (
    <View className="org-revision__cover">
      <Text>{label}：</Text>
      {url ? (
        <View aria-hidden>
          <Image className="org-revision__cover-image" src={imageSrc(url)} mode="aspectFill" />
        </View>
      ) : null}
      <Text>{url ? '有封面' : '无封面'}</Text>
    </View>
  );
}

const cut = (text: string) => (text.length > BEFORE_LIMIT ? `${text.slice(0, BEFORE_LIMIT)}…` : text);

export default function RevisionChanges({ event, changes }: { event: EventView; changes: EventChangesView }) {
  const fields = reviewedEventFields.filter((field) => changes[field] !== undefined);
  return (
    <View className="org-revision">
      {fields.map((field) =>
        field === 'coverImageId' ? (
          <View key={field} className="org-revision__field">
            <Text className="field__label">{labels[field]}</Text>
            <CoverBefore label="原" url={event.coverImageId ? event.coverUrl : null} />
            <CoverBefore label="改为" url={changes.coverUrl ?? null} />
          </View>
        ) : (
          <View key={field} className="org-revision__field">
            <Text className="field__label">{labels[field]}</Text>
            <Text className="org-revision__before">原：{cut(shown(field, event[field]))}</Text>
            <Text className="org-revision__after">改为：{shown(field, changes[field])}</Text>
          </View>
        ),
      )}
    </View>
  );
}
