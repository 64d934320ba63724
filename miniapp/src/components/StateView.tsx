// Loading, error and empty states with the server's Chinese message and a retry button.
import { Button, Text, View } from '@tarojs/components';
import type { ApiError } from '@/services/request';
import './StateView.scss';

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
    return (
      <View className="state">
        <Text className="state__text state__text--error">{error.message}</Text>
        {needsLogin ? (
          <Button className="btn state__action" onClick={onLogin}>
            去登录
          </Button>
        ) : onRetry ? (
          <Button className="btn btn--ghost state__action" onClick={onRetry}>
            重试
          </Button>
        ) : null}
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
