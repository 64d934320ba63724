// A bottom sheet: a panel over the page with its title and a 关闭 button; a tap
// on the dimmed page behind closes it too. Its content scrolls when taller than the screen.
import { Button, ScrollView, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './Sheet.scss';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Fixed under the content (the sheet's main action). */
  footer?: ReactNode;
  className?: string;
}

export default function Sheet({ title, onClose, children, footer, className = '' }: Props) {
  return (
    <View className="bsheet-mask" onClick={onClose}>
      <View className={`bsheet ${className}`} role="dialog" aria-modal="true" aria-label={title} onClick={(e) => e.stopPropagation()}>
        <View className="bsheet__head">
          <Text className="title bsheet__title">{title}</Text>
          <Button className="btn btn--ghost bsheet__close" onClick={onClose}>
            关闭
          </Button>
        </View>
        <ScrollView scrollY className="bsheet__body">
          {children}
        </ScrollView>
        {footer ? <View className="bsheet__foot">{footer}</View> : null}
      </View>
    </View>
  );
}
