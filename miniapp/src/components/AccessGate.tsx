// What a page that needs an account or a role shows instead of itself: the
// sign-in prompt to a visitor, and why not to a signed-in user without the role.
import { Text, View } from '@tarojs/components';
import type { ReactElement } from 'react';
import LoginPrompt from '@/components/LoginPrompt';
import PageShell from '@/components/PageShell';

/** Null when the page may show itself; else the page to show in its place. */
export function renderAccessGate({ signedIn, allowed, refusal }: { signedIn: boolean; allowed: boolean; refusal: string }): ReactElement | null {
  if (!signedIn)
    return (
      <PageShell>
        <LoginPrompt />
      </PageShell>
    );
  if (!allowed)
    return (
      <PageShell>
        <View className="card">
          <Text className="title">{refusal}</Text>
        </View>
      </PageShell>
    );
  return null;
}
