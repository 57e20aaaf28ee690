import { forwardRef } from 'react';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

export interface AlertProps {
  type: AlertType;
  /** 'alert' interrupts (errors); 'status' is announced politely; none for static text. */
  live?: 'alert' | 'status';
  id?: string;
  children: React.ReactNode;
}

/** Utrecht alert (CSS only). */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { type, live, id, children },
  ref,
) {
  return (
    <div
      ref={ref}
      id={id}
      role={live}
      tabIndex={-1}
      className={`utrecht-alert utrecht-alert--${type} kring-alert`}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
});
