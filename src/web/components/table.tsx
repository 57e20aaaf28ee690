import { useId } from 'react';

/**
 * A table with a caption, scrollable sideways on narrow screens. The scroll container is a labelled,
 * focusable region so keyboard users can scroll it too.
 */
export function Table({
  caption,
  captionHidden = false,
  children,
}: {
  caption: React.ReactNode;
  captionHidden?: boolean;
  children: React.ReactNode;
}) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="kring-table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="utrecht-table utrecht-table--html-table kring-table">
        <caption
          id={captionId}
          className={
            captionHidden ? 'utrecht-table__caption kring-visually-hidden' : 'utrecht-table__caption'
          }
        >
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

export function TableHead({ columns }: { columns: React.ReactNode[] }) {
  return (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">
        {columns.map((column, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are static per table
          <th key={index} scope="col" className="utrecht-table__header-cell">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function TableBody({ children }: { children: React.ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}

export function Row({ children }: { children: React.ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}

export function RowHeader({ children }: { children: React.ReactNode }) {
  return (
    <th scope="row" className="utrecht-table__header-cell kring-row-header">
      {children}
    </th>
  );
}

export function Cell({ children }: { children?: React.ReactNode }) {
  return <td className="utrecht-table__cell">{children}</td>;
}
