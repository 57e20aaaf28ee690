export type BadgeVariant = 'danger' | 'warning' | 'neutral' | 'success';

export function StatusBadge({ variant, children }: { variant: BadgeVariant; children: React.ReactNode }) {
  return (
    <span className={`utrecht-status-badge utrecht-status-badge--${variant} kring-badge`}>{children}</span>
  );
}
