import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The list header's checkbox: ticks every message of the list, loaded or not (as a rule, see checked.ts); shows a
 * dash while only some are ticked; unticks everything when all are.
 */
export function SelectAllBox({ count, total, onSelectAll, onClear }: { count: number; total: number; onSelectAll(): void; onClear(): void }) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLInputElement>(null);
  // Mail that arrived since "select all" leaves the box showing a dash: not everything listed is ticked.
  const all = total > 0 && count === total;
  const some = count > 0 && !all;
  useEffect(() => {
    if (boxRef.current) boxRef.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={boxRef}
      type="checkbox"
      className="check-box"
      checked={all}
      disabled={total === 0}
      aria-label={t('actions.selectAll')}
      title={t('actions.selectAll')}
      onChange={() => (all ? onClear() : onSelectAll())}
      data-testid="select-all"
    />
  );
}
