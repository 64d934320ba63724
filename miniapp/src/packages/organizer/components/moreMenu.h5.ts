// 更多 on an event card in H5: Taro's action sheet, made usable without a
// mouse and for screen readers (Taro draws plain divs: no roles, no focus, no
// keys), with the destructive item in red, and 大字模式 from the class on <html>
// (app.scss), as for Taro's toasts and modals.
import Taro from '@tarojs/taro';

export interface MenuItem {
  label: string;
  danger?: boolean;
}

const DANGER = '#b3261e';

function asButton(element: HTMLElement, onKey: () => void): void {
  element.setAttribute('role', 'button');
  element.setAttribute('tabindex', '0');
  element.onkeydown = (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onKey();
    }
  };
}

/** Roles, focus and keys on the sheet Taro just drew (the last one in <body>). */
function enhance(items: MenuItem[], opener: Element | null): void {
  const sheets = document.querySelectorAll<HTMLElement>('.taro__actionSheet');
  const root = sheets[sheets.length - 1];
  const panel = root?.lastElementChild as HTMLElement | null | undefined;
  const menu = panel?.firstElementChild as HTMLElement | null | undefined;
  const cancel = panel?.lastElementChild as HTMLElement | null | undefined;
  if (!root || !panel || !menu || !cancel) return;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-label', '更多操作');
  // The first child of the menu is the (hidden) title; the rest are the items in order.
  const cells = Array.from(menu.children).slice(1) as HTMLElement[];
  cells.forEach((cell, index) => {
    asButton(cell, () => cell.click());
    cell.style.color = items[index]?.danger ? DANGER : '';
  });
  cancel.classList.add('taro-actionsheet__cancel');
  asButton(cancel, () => cancel.click());
  const close = () => cancel.click();
  root.onkeydown = (event) => {
    if (event.key === 'Escape') close();
  };
  // Focus moves into the sheet, and back to 更多 once it closes.
  const restore = () => {
    if (opener instanceof HTMLElement) opener.focus();
  };
  for (const element of [...cells, cancel, panel.previousElementSibling as HTMLElement | null]) {
    element?.addEventListener('click', restore, { once: true });
  }
  cells[0]?.focus();
}

/** The index picked, or null when the sheet was dismissed. */
export async function showMoreMenu(items: MenuItem[]): Promise<number | null> {
  const opener = document.activeElement;
  const shown = Taro.showActionSheet({ itemList: items.map((item) => item.label), itemColor: '#1a1a1a' });
  // Taro draws the sheet synchronously; its items exist now.
  enhance(items, opener);
  try {
    const { tapIndex } = await shown;
    return tapIndex;
  } catch {
    return null;
  }
}
