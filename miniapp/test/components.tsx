// Test double for @tarojs/components (mapped in jest.config.js): each Taro
// component as the plain DOM element it stands for, passing through the props a
// test can observe (text, class, aria label, disabled) and Taro's event shapes
// (`onInput` receives `{detail: {value}}`).
import type { CSSProperties, ReactNode } from 'react';

interface Common {
  children?: ReactNode;
  className?: string;
  id?: string;
  style?: CSSProperties | string;
  ariaLabel?: string;
  ariaRole?: string;
  hoverClass?: string;
  userSelect?: boolean;
  onClick?: (event: { stopPropagation(): void }) => void;
}

function dom({ className, id, style, ariaLabel, ariaRole, onClick }: Common) {
  return {
    className,
    id,
    style: typeof style === 'string' ? undefined : style,
    'aria-label': ariaLabel,
    role: ariaRole,
    onClick,
  };
}

export const View = (props: Common) => <div {...dom(props)}>{props.children}</div>;
export const Text = (props: Common) => <span {...dom(props)}>{props.children}</span>;
export const ScrollView = (props: Common & { scrollX?: boolean; scrollY?: boolean }) => <div {...dom(props)}>{props.children}</div>;

export const Button = (props: Common & { disabled?: boolean; loading?: boolean; openType?: string }) => (
  <button type="button" {...dom(props)} disabled={props.disabled} aria-busy={props.loading || undefined}>
    {props.children}
  </button>
);

interface Field extends Common {
  value?: string;
  type?: string;
  placeholder?: string;
  maxlength?: number;
  disabled?: boolean;
  onInput?: (event: { detail: { value: string } }) => void;
}

export const Input = (props: Field) => (
  <input
    {...dom(props)}
    type={props.type === 'number' || props.type === 'digit' ? 'text' : (props.type ?? 'text')}
    inputMode={props.type === 'number' || props.type === 'digit' ? 'decimal' : undefined}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    maxLength={props.maxlength}
    disabled={props.disabled}
    onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
  />
);

export const Textarea = (props: Field) => (
  <textarea
    {...dom(props)}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    maxLength={props.maxlength}
    onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
  />
);

export const Checkbox = (props: Common & { checked?: boolean; value?: string }) => (
  <input type="checkbox" {...dom(props)} checked={Boolean(props.checked)} value={props.value} readOnly />
);

export const Switch = (props: Common & { checked?: boolean; onChange?: (event: { detail: { value: boolean } }) => void }) => (
  <input
    type="checkbox"
    {...dom(props)}
    role="switch"
    checked={Boolean(props.checked)}
    onChange={(event) => props.onChange?.({ detail: { value: event.target.checked } })}
  />
);

/** Renders its trigger only; the native wheel is not part of what these tests check. */
export const Picker = (props: Common & { mode?: string }) => <div {...dom(props)}>{props.children}</div>;

export const Image = (props: Common & { src: string; mode?: string }) => <img {...dom(props)} src={props.src} alt={props.ariaLabel ?? ''} />;
