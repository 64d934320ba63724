// 谁在看？ One tap says who is looking, so 活动 puts what suits them first;
// tapping the chosen one again takes it back. Saved on the account when signed in.
import { Text, View } from '@tarojs/components';
import { viewerAudiences, type ViewerAudience } from '@kepu/shared/states';
import { useSession } from '@/hooks/useSession';
import { useStore } from '@/hooks/useStore';
import { updateMe } from '@/services/me';
import { asButton } from '@/utils/a11y';
import { setViewer, viewerStore } from '@/utils/viewer';
import './ViewerChoice.scss';

export default function ViewerChoice({ hint = '选填，活动页会把适合你的活动排在前面' }: { hint?: string }) {
  const viewer = useStore(viewerStore);
  const { user } = useSession();
  const choose = (next: ViewerAudience | '') => {
    setViewer(next);
    // The device already remembers it if this fails.
    if (user) void updateMe({ audience: next || null }, true).catch(() => undefined);
  };
  return (
    <View className="viewer-choice" role="group" aria-label="谁在看">
      <Text className="title">谁在看？</Text>
      <Text className="muted block">{hint}</Text>
      <View className="row viewer-choice__chips">
        {viewerAudiences.map((audience) => {
          const on = audience === viewer;
          return (
            <View key={audience} className={`chip ${on ? 'chip--on' : ''}`} {...asButton(() => choose(on ? '' : audience), { pressed: on })}>
              {on ? `✓ ${audience}` : audience}
            </View>
          );
        })}
      </View>
    </View>
  );
}
