import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventMap, EventName } from '../../shared/api';
import { getBridge } from './bridge';
import { formattingLocale, pickUiLanguage } from './locale';

/** Subscribes to a core event for the component's lifetime; the latest handler is always the one called. */
export function useCoreEvent<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => getBridge().on(event, (payload) => latest.current(payload)), [event]);
}

/** The locale dates and numbers are formatted in: follows the UI language (see lib/locale.ts). */
export function useFormattingLocale(): string {
  const { i18n } = useTranslation();
  return formattingLocale(pickUiLanguage(null, [i18n.language]), navigator.language);
}

/** The current time, refreshed every `intervalMs`: keeps "2 minutes ago" true while the window stays open. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
