// The end of an infinite list: more loading, a failed page with retry, the cap, or the end.
import { Button, Text, View } from '@tarojs/components';
import type { PagedList } from '@/hooks/usePagedList';

export default function ListFooter<T>({ list }: { list: PagedList<T> }) {
  if (list.loading || list.error || list.items.length === 0) return null;
  let content;
  if (list.loadingMore) content = <Text className="muted">加载中…</Text>;
  else if (list.moreError) {
    content = (
      <Button className="btn btn--ghost" onClick={() => void list.loadMore()}>
        {list.moreError.message}，点此重试
      </Button>
    );
  } else if (list.capped) content = <Text className="muted">已显示前 {list.items.length} 条，请用筛选缩小范围</Text>;
  else if (list.hasMore) {
    content = (
      <Button className="btn btn--ghost" onClick={() => void list.loadMore()}>
        加载更多
      </Button>
    );
  } else content = <Text className="muted">没有更多了</Text>;
  return <View className="list-footer">{content}</View>;
}
