// The city the resident browses: asked on first open, remembered on the
// device, shared by every tab that filters by city. '' until chosen.
import { createStore } from '@/utils/store';
import { keys, readStored, writeStored } from '@/utils/storage';

export const cityStore = createStore<string>(readStored<string>(keys.city, ''));

export function chooseCity(city: string): void {
  writeStored(keys.city, city);
  cityStore.set(city);
}
