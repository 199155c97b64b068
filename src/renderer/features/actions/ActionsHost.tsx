import { useCoreEvent } from '../../lib/hooks';
import { ActionToasts } from './ActionToasts';
import { useActionsStore } from './actionsStore';
import { ConfirmForever } from './ConfirmForever';
import { FolderPicker } from './FolderPicker';
import { ShortcutHelp } from './ShortcutHelp';
import './actions.css';

/** What acting on mail shows outside the panes: toasts, the folder picker, "Delete forever?" and the "?" help. */
export function ActionsHost() {
  const picker = useActionsStore((state) => state.picker);
  const confirmForever = useActionsStore((state) => state.confirmForever);
  const helpOpen = useActionsStore((state) => state.helpOpen);
  const pushToast = useActionsStore((state) => state.pushToast);
  // The server refused an action the cache had already shown as done: the core put the cache back; say so.
  useCoreEvent('actions:failed', (event) => {
    pushToast({ kind: 'failed', action: event.action, count: event.messageIds.length, error: event.error });
  });
  return (
    <>
      <ActionToasts />
      {picker && <FolderPicker target={picker.target} anchor={picker.anchor} />}
      {confirmForever && <ConfirmForever target={confirmForever.target} count={confirmForever.count} />}
      {helpOpen && <ShortcutHelp />}
    </>
  );
}
