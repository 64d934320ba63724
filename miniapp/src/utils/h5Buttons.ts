// H5 only. Taro draws <Button> as a <taro-button-core> custom element with no
// button role and no keyboard focus: screen readers do not announce it, Tab
// skips it, and a scrollable page whose only controls are buttons is out of a
// keyboard's reach (axe: scrollable-region-focusable). This gives every such
// element the role, focus and Enter/Space activation of a native button.
const BUTTON_TAG = 'TARO-BUTTON-CORE';

function fixButton(element: Element): void {
  const disabled = element.hasAttribute('disabled') && element.getAttribute('disabled') !== 'false';
  if (element.getAttribute('role') !== 'button') element.setAttribute('role', 'button');
  const tabIndex = disabled ? '-1' : '0';
  if (element.getAttribute('tabindex') !== tabIndex) element.setAttribute('tabindex', tabIndex);
  const ariaDisabled = String(disabled);
  if (element.getAttribute('aria-disabled') !== ariaDisabled) element.setAttribute('aria-disabled', ariaDisabled);
}

function fixWithin(root: ParentNode): void {
  if (root instanceof Element && root.tagName === BUTTON_TAG) fixButton(root);
  root.querySelectorAll('taro-button-core').forEach(fixButton);
}

export function makeH5ButtonsAccessible(doc: Document): void {
  fixWithin(doc);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') fixWithin(mutation.target as Element);
      mutation.addedNodes.forEach((node) => {
        if (node instanceof Element) fixWithin(node);
      });
    }
  }).observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  doc.addEventListener('keydown', (event) => {
    const target = event.target as Element | null;
    if (target?.tagName !== BUTTON_TAG || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    (target as HTMLElement).click();
  });
}
