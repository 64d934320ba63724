// The app shell: global styles and the session check on launch. Pages own their data.
import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { getMe } from '@/services/me';
import { refreshUnreadCount } from '@/services/notifications';
import { currentToken } from '@/services/session';
import { makeH5ButtonsAccessible } from '@/utils/h5Buttons';
import { setLargeText } from '@/utils/largeText';
import { reportPageLoadFailures } from '@/utils/pageLoadFailures';
import { listenForPrivacyRequests } from '@/utils/privacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'h5') {
      makeH5ButtonsAccessible(document);
      reportPageLoadFailures(window);
    }
    listenForPrivacyRequests();
    // Refresh the stored user (roles may have changed); a 401 clears the session by itself.
    if (!currentToken()) return;
    getMe(true)
      .then((user) => {
        if (typeof user.largeText === 'boolean') setLargeText(user.largeText);
        // The tab bar's badge shows unread messages from the start.
        void refreshUnreadCount();
      })
      .catch(() => undefined);
  });
  return children;
}

export default App;
