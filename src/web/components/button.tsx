import type { ButtonHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';

export type ButtonAppearance = 'primary' | 'secondary' | 'subtle';

const APPEARANCE: Record<ButtonAppearance, string> = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  subtle: 'utrecht-button--subtle',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  type: 'button' | 'submit';
  appearance?: ButtonAppearance;
  /** Shows the button as busy; it stays focusable so keyboard users keep their place. */
  busy?: boolean;
}

/** Utrecht button (CSS only). */
export function Button({ appearance = 'primary', busy = false, className, type, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      aria-disabled={busy || undefined}
      className={classNames(
        'utrecht-button',
        APPEARANCE[appearance],
        type === 'submit' && 'utrecht-button--submit',
        busy && 'utrecht-button--busy',
        className,
      )}
      {...rest}
    />
  );
}

export function ButtonGroup({ children }: { children: React.ReactNode }) {
  return <div className="utrecht-button-group kring-button-group">{children}</div>;
}
