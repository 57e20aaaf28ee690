export interface DataListItem {
  key: string;
  label: React.ReactNode;
  value: React.ReactNode;
  multiline?: boolean;
}

/** Label–value pairs as a description list. */
export function DataList({ items }: { items: DataListItem[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows kring-data-list">
      {items.map((item) => (
        <div key={item.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{item.label}</dt>
          <dd
            className={`utrecht-data-list__item-value utrecht-data-list__item-value--html-dd${item.multiline ? ' utrecht-data-list__item-value--multiline' : ''}`}
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
