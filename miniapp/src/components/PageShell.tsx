// The root of every page: applies 大字模式 as a class whose CSS variables every
// style reads, so one switch resizes text and tap targets everywhere. On H5 it
// also draws the top bar (返回, title, 首页) of every page that is not a tab.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import NavBar from '@/components/NavBar';
import { useLargeText } from '@/hooks/useLargeText';

export default function PageShell({ children, className = '' }: { children: ReactNode; className?: string }) {
  const large = useLargeText();
  return (
    <View className={`page ${large ? 'page--large' : ''} ${className}`}>
      <NavBar />
      {children}
    </View>
  );
}
