// The root of every page: applies 大字模式 as a class whose CSS variables every
// style reads, so one switch resizes text and tap targets everywhere.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useLargeText } from '@/hooks/useLargeText';

export default function PageShell({ children, className = '' }: { children: ReactNode; className?: string }) {
  const large = useLargeText();
  return <View className={`page ${large ? 'page--large' : ''} ${className}`}>{children}</View>;
}
