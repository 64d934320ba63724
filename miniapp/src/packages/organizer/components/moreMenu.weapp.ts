// 更多 on an event card: WeChat's own action sheet (at most 6 items, one colour;
// a destructive choice asks again on the card).
import Taro from '@tarojs/taro';

export interface MenuItem {
  label: string;
  danger?: boolean;
}

/** The index picked, or null when the sheet was dismissed. */
export async function showMoreMenu(items: MenuItem[]): Promise<number | null> {
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: items.map((item) => item.label) });
    return tapIndex;
  } catch {
    return null;
  }
}
