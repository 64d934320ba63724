// Loading, error and empty states with the server's Chinese message, a retry
// button and, away from the tabs, a way home (a page that cannot load may have
// been opened from a shared link, with nothing to go back to).
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ApiError } from '@/services/request';
import { tabs } from '@/utils/routes';
import './StateView.scss';

const tabPaths = Object.values(tabs).map((path) => path.replace(/^\//, ''));

/** Whether the page on screen is one of the tabs (which need no way home). */
function onTabPage(): boolean {
  const pages = Taro.getCurrentPages();
  const route = (pages[pages.length - 1]?.route ?? '').replace(/^\//, '');
  return tabPaths.includes(route);
}

const goHome = () => void Taro.switchTab({ url: tabs.events });

interface Props {
  loading?: boolean;
  error?: ApiError | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  /** Shown instead of retry for errors that a login fixes. */
  onLogin?: () => void;
}

/** The state's element when there is one, else null, so pages write `{renderState(...) ?? content}`. */
export function renderState({ loading, error, empty, emptyText = '暂无内容', onRetry, onLogin }: Props) {
  if (loading) {
    return (
      <View className="state">
        <Text className="state__text">加载中…</Text>
      </View>
    );
  }
  if (error) {
    const needsLogin = error.status === 401 && onLogin;
    const home = !needsLogin && !onTabPage();
    return (
      <View className="state">
        <Text className="state__title">{error.status === 404 ? '没有找到' : '加载失败'}</Text>
        <Text className="state__text state__text--error">{error.message}</Text>
        <View className="state__actions">
          {needsLogin ? (
            <Button className="btn state__action" onClick={onLogin}>
              去登录
            </Button>
          ) : onRetry && error.status !== 404 ? (
            <Button className="btn btn--ghost state__action" onClick={onRetry}>
              重试
            </Button>
          ) : null}
          {home ? (
            <Button className="btn state__action" onClick={goHome}>
              返回首页
            </Button>
          ) : null}
        </View>
      </View>
    );
  }
  if (empty) {
    return (
      <View className="state">
        <Text className="state__text">{emptyText}</Text>
      </View>
    );
  }
  return null;
}

export default function StateView(props: Props) {
  return renderState(props);
}
