// In a browser there is no map picker: the address is typed above, a link
// opens 高德地图 to find the place, and its coordinates (as 高德 copies them,
// 经度,纬度) go into the folded 手动填写坐标 part. They power the map and 附近.
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { VenueView } from '@kepu/shared';
import { asButton, labelled } from '@/utils/a11y';

/** Roughly China's box: a latitude is never above 54, a longitude never below 73, so either order is clear. */
const inChina = (lat: number, lng: number) => lat >= 3 && lat <= 54 && lng >= 73 && lng <= 136;

/** Coordinates typed as 经度,纬度 (高德's order) or 纬度,经度; or a Chinese message. */
export function parseCoordinates(text: string): { lat: number; lng: number } | string {
  const parts = text
    .replace(/，/g, ',')
    .split(/[,\s]+/)
    .filter(Boolean);
  const numbers = parts.map(Number);
  if (numbers.length !== 2 || numbers.some((n) => Number.isNaN(n))) return '请按“经度,纬度”填写两个数字，如 118.18,39.63';
  const [a, b] = numbers as [number, number];
  if (inChina(b, a)) return { lat: b, lng: a };
  if (inChina(a, b)) return { lat: a, lng: b };
  return '坐标不在中国境内，请在高德地图中重新查找后复制';
}

const formatPoint = (venue: VenueView) => (venue.lat !== null && venue.lng !== null ? `${venue.lng},${venue.lat}` : '');

export default function VenuePicker({ venue, onChange }: { venue: VenueView; onChange: (venue: VenueView) => void }) {
  const located = venue.lat !== null && venue.lng !== null;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(formatPoint(venue));
  const [problem, setProblem] = useState<string | null>(null);
  const point = formatPoint(venue);
  const typed = useRef(text);
  typed.current = text;
  // A venue picked from 常用场馆 brings its own coordinates; what the organizer typed stays as typed.
  useEffect(() => {
    const parsed = parseCoordinates(typed.current);
    const same = typeof parsed !== 'string' && `${parsed.lng},${parsed.lat}` === point;
    if (same || (point === '' && typed.current.trim() === '')) return;
    setText(point);
    setProblem(null);
  }, [point]);

  const type = (value: string) => {
    setText(value);
    if (value.trim() === '') {
      setProblem(null);
      onChange({ ...venue, lat: null, lng: null });
      return;
    }
    const parsed = parseCoordinates(value);
    if (typeof parsed === 'string') return setProblem(parsed);
    setProblem(null);
    onChange({ ...venue, ...parsed });
  };

  const search = `https://uri.amap.com/search?keyword=${encodeURIComponent(venue.address || venue.name || '科技馆')}`;
  return (
    <View className="field venue-locate">
      <Text className={`block ${located ? 'venue-locate--ok' : 'muted'}`}>
        {located ? '已有场馆位置：居民可在地图和“附近”中找到本活动。' : '还没有场馆位置：可在高德地图中找到场馆，复制坐标填入下方。'}
      </Text>
      <a className="btn btn--ghost btn--block venue-locate__map" href={search} target="_blank" rel="noopener noreferrer">
        在高德地图中查找场馆
      </a>
      <View className="task-picker__toggle" {...asButton(() => setOpen(!open), { expanded: open })}>
        <Text>{open ? '收起手动填写坐标 ▴' : '手动填写坐标 ▾'}</Text>
      </View>
      {open ? (
        <View>
          <Text className="field__label">坐标（经度,纬度）</Text>
          <Input
            className="input"
            value={text}
            maxlength={40}
            placeholder="如 118.18,39.63"
            {...labelled('坐标（经度,纬度）')}
            onInput={(e) => type(e.detail.value)}
          />
          <Text className="block muted">在高德地图中点选场馆，复制坐标粘贴到这里；清空即不设位置。</Text>
          {problem ? <Text className="field__error">{problem}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
