import type { AnchorHTMLAttributes } from 'react';
import { Link, type LinkProps } from 'react-router';
import { classNames } from './class-names.ts';

/** A link inside the app (client-side navigation) with the Utrecht link style. */
export function AppLink({ className, ...rest }: LinkProps) {
  return <Link className={classNames('utrecht-link utrecht-link--html-a', className)} {...rest} />;
}

/** A link to something the server serves itself (for example the API documentation). */
export function ServerLink({ className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a className={classNames('utrecht-link utrecht-link--html-a', className)} {...rest} />;
}
