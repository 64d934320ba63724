// A View that acts as a button. In H5 Taro renders a View as a plain custom
// element, with no role and no keyboard focus, so screen readers do not
// announce it and a keyboard cannot reach it (axe: scrollable-region-focusable).
// The mini-program ignores these props.
interface ButtonState {
  /** For a toggle that opens a section. */
  expanded?: boolean;
  /** For one of a set of choices (a day in a month). */
  pressed?: boolean;
}

export function asButton(onTap: () => void, state: ButtonState = {}) {
  return {
    role: 'button',
    tabIndex: 0,
    ...(state.expanded === undefined ? {} : { ariaExpanded: state.expanded }),
    ...(state.pressed === undefined ? {} : { ariaPressed: state.pressed }),
    onClick: onTap,
    // Enter and Space press a button; a View does not do that by itself.
    onKeyDown: (event: { key?: string; preventDefault?: () => void }) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault?.();
      onTap();
    },
  };
}

/**
 * The accessible name of a form field. `ariaLabel` names it in the
 * mini-program; in H5 Taro keeps it on its wrapper element, so the same name
 * goes onto the native input too (axe: label).
 */
export function labelled(label: string) {
  return { ariaLabel: label, nativeProps: { 'aria-label': label } };
}
