import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** A pane with nothing to show yet: what is missing and what to do about it. */
export function EmptyState({ icon, title, hint, children }: { icon: IconName; title: string; hint?: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <Icon name={icon} size={40} className="empty-state__icon" />
      <p className="empty-state__title">{title}</p>
      {hint && <p className="empty-state__hint">{hint}</p>}
      {children}
    </div>
  );
}
