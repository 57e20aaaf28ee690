import type { HTMLAttributes } from 'react';
import { classNames } from './class-names.ts';

type HeadingLevel = 2 | 3 | 4;

/** The page's one <h1>; focus moves here after navigation so screen readers announce the new page. */
export function PageHeading({ children }: { children: React.ReactNode }) {
  return (
    <h1 id="page-heading" tabIndex={-1} className="utrecht-heading-1 kring-page-heading">
      {children}
    </h1>
  );
}

export function Heading({
  level,
  className,
  ...rest
}: { level: HeadingLevel } & HTMLAttributes<HTMLHeadingElement>) {
  const Tag = `h${level}` as const;
  return <Tag className={classNames(`utrecht-heading-${level}`, className)} {...rest} />;
}

export function Paragraph({ className, ...rest }: HTMLAttributes<HTMLParagraphElement>) {
  return <p className={classNames('utrecht-paragraph', className)} {...rest} />;
}

export function VisuallyHidden({ children }: { children: React.ReactNode }) {
  return <span className="kring-visually-hidden">{children}</span>;
}
