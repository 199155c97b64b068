/**
 * The keyboard shortcuts for acting on mail, after Gmail's (which Fastmail and others follow): e archive, # delete,
 * u unread, ! spam, v move, x tick, plus s for the flag (Gmail's star) and the Delete key.
 */
export type ShortcutCommand =
  | 'toggleCheck'
  | 'selectAll'
  | 'archive'
  | 'delete'
  | 'deleteForever'
  | 'markRead'
  | 'markUnread'
  | 'toggleFlag'
  | 'spam'
  | 'move'
  | 'undo'
  | 'help'
  | 'clearChecks';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Keys as `KeyboardEvent.key` names them: shifted symbols ('#', '!', '?') arrive as the symbol itself. */
const PLAIN_KEYS: Record<string, ShortcutCommand> = {
  x: 'toggleCheck',
  e: 'archive',
  '#': 'delete',
  Delete: 'delete',
  u: 'markUnread',
  I: 'markRead',
  s: 'toggleFlag',
  '!': 'spam',
  v: 'move',
  '?': 'help',
  Escape: 'clearChecks',
};

/** With Ctrl (⌘ on a Mac), without Shift. */
const COMMAND_KEYS: Record<string, ShortcutCommand> = { z: 'undo', a: 'selectAll' };

export function commandFor(press: KeyPress): ShortcutCommand | null {
  if (press.altKey) return null;
  if (press.ctrlKey || press.metaKey) {
    if (press.shiftKey) return null;
    // Ctrl+A ticks the whole list, as in desktop mail clients (text fields keep their own Ctrl+A).
    return COMMAND_KEYS[press.key.toLowerCase()] ?? null;
  }
  if (press.key === 'Delete' && press.shiftKey) return 'deleteForever';
  return PLAIN_KEYS[press.key] ?? null;
}

/** What the "?" overlay lists, in this order; the descriptions are i18n keys under `actions.help`. */
export const SHORTCUT_HELP: ReadonlyArray<{ keys: readonly string[]; command: ShortcutCommand | 'next' | 'open' | 'compose' }> = [
  { keys: ['j', '↓', 'k', '↑'], command: 'next' },
  { keys: ['Enter'], command: 'open' },
  { keys: ['x'], command: 'toggleCheck' },
  { keys: ['Ctrl+A'], command: 'selectAll' },
  { keys: ['Esc'], command: 'clearChecks' },
  { keys: ['e'], command: 'archive' },
  { keys: ['#', 'Delete'], command: 'delete' },
  { keys: ['Shift+Delete'], command: 'deleteForever' },
  { keys: ['u'], command: 'markUnread' },
  { keys: ['Shift+I'], command: 'markRead' },
  { keys: ['s'], command: 'toggleFlag' },
  { keys: ['!'], command: 'spam' },
  { keys: ['v'], command: 'move' },
  { keys: ['Ctrl+Z'], command: 'undo' },
  { keys: ['c'], command: 'compose' },
  { keys: ['?'], command: 'help' },
];
