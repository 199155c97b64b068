import { useFormattingLocale } from '../../lib/hooks';
import { useAccountSchedule } from '../folders/mailboxStore';
import { accountSchedulePhrase } from './scheduleWords';
import { useTranslateAroundPart } from './useScheduleText';
import { useTickingNow } from './useTickingNow';
import './schedule.css';

/**
 * The quieter second line under an account's sync state: when the next sync is due and why then ("Next: in 8 min
 * — window active"). Nothing until the core has sent the account's schedule.
 */
export function AccountScheduleLine({ accountId }: { accountId: string }) {
  const schedule = useAccountSchedule(accountId);
  const now = useTickingNow(schedule);
  const locale = useFormattingLocale();
  const translateAroundPart = useTranslateAroundPart();
  if (!schedule) return null;
  // The reason wraps as one piece: "window hidden, client / assignment on" would read as two thoughts.
  const { before, part, after } = translateAroundPart(accountSchedulePhrase(schedule, now, locale), 'why');
  const attention = schedule.failedAttempts > 0 || (schedule.nextSyncAt === null && !schedule.syncing);
  return (
    <p className={attention ? 'schedule-line schedule-line--attention' : 'schedule-line'} data-testid="account-schedule">
      {before}
      {part && <span className="schedule-line__why">{part}</span>}
      {after}
    </p>
  );
}
