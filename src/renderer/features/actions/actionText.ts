import type { TFunction } from 'i18next';
import type { ActionName } from '../../../shared/api/actions';
import { formatCount } from '../../lib/formatNumber';
import type { ActionKind } from './actionKinds';

/** "3 messages moved to Work": what the toast after an action says, pluralised in the UI language. */
export function doneText(t: TFunction, kind: ActionKind, count: number, locale: string, folderName?: string): string {
  return t(`actions.done.${kind}`, { count, formattedCount: formatCount(count, locale), folder: folderName ?? '' });
}

/** The word for an action the core reports as failed (`actions:failed` also names sends and draft saves). */
export function actionNameText(t: TFunction, action: ActionName): string {
  return t(`actions.name.${action}`);
}

/** "Move failed for 3 messages: the server refused this action.", or without a count when none is known. */
export function failedText(t: TFunction, action: ActionName, count: number, locale: string, reason: string): string {
  const name = actionNameText(t, action);
  if (count === 0) return t('actions.failedNoCount', { action: name, reason });
  return t('actions.failed', { action: name, count, formattedCount: formatCount(count, locale), reason });
}
