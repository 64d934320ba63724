// H5 has no navigation bar of its own: on every page that is not a tab, a top
// bar with 返回 (or home, when the page was opened directly from a shared link
// and there is nowhere to go back to), the page's title and 首页.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { asButton } from '@/utils/a11y';
import { tabs } from '@/utils/routes';
import './NavBar.scss';

const tabPaths = new Set(Object.values(tabs).map((path) => path.replace(/^\//, '')));

export function goHome(): void {
  void Taro.switchTab({ url: tabs.events });
}

function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else goHome();
}

export default function NavBar() {
  const path = (useRouter().path ?? '').split('?')[0]!.replace(/^\//, '');
  // The page's own title from its config, read once: this bar belongs to this page only.
  const [title] = useState(() => {
    const config = (Taro.getCurrentInstance().page as { config?: { navigationBarTitleText?: string } } | undefined)?.config;
    return config?.navigationBarTitleText ?? document.title;
  });
  if (!path || tabPaths.has(path)) return null;
  return (
    <View className="navbar" role="navigation" ariaLabel="页面导航">
      <View className="navbar__btn navbar__back" {...asButton(goBack)} ariaLabel="返回上一页">
        <Text aria-hidden>‹</Text>
        <Text>返回</Text>
      </View>
      <Text className="navbar__title">{title}</Text>
      <View className="navbar__btn navbar__home" {...asButton(goHome)} ariaLabel="返回首页">
        <Text>首页</Text>
      </View>
    </View>
  );
}
