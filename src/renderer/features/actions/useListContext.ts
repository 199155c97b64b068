import { useMemo } from 'react';
import { useFolders, useSelectedMailbox } from '../folders/mailboxStore';
import { useSettings } from '../settings/settingsStore';
import { listContext, type ListContext } from './listContext';

/** The list the user is acting from (see listContext). */
export function useListContext(): ListContext {
  const mailbox = useSelectedMailbox();
  const folders = useFolders();
  const { threaded } = useSettings();
  return useMemo(() => listContext(mailbox, folders, threaded), [mailbox, folders, threaded]);
}
