import { largeTextStore } from '@/utils/largeText';
import { useStore } from '@/hooks/useStore';

export function useLargeText(): boolean {
  return useStore(largeTextStore);
}
