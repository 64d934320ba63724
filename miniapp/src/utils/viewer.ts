// Who is looking (谁在看): 老年人, 家长, 学生 or 其他, or '' when not said. Kept on
// the device (so it works signed out) and, when signed in, on the account.
import { viewerAudiences, type ViewerAudience } from '@kepu/shared/states';
import { createStore } from '@/utils/store';
import { keys, readStored, writeStored } from '@/utils/storage';

function readViewer(): ViewerAudience | '' {
  const stored = readStored<string>(keys.viewer, '');
  return (viewerAudiences as readonly string[]).includes(stored) ? (stored as ViewerAudience) : '';
}

export const viewerStore = createStore<ViewerAudience | ''>(readViewer());

export function setViewer(viewer: ViewerAudience | ''): void {
  writeStored(keys.viewer, viewer);
  viewerStore.set(viewer);
}
