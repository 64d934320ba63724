import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/** Runs when the user comes back to this page (not on its first show): data may have changed elsewhere. */
export function useOnReturn(callback: () => void): void {
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) callback();
    seen.current = true;
  });
}
