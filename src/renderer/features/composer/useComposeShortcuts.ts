import { useEffect } from 'react';
import { useComposerStore } from './composerStore';
import { openNewMessage } from './openComposer';

/** True while the user types into something: a bare "c" there is a letter, not a command. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "c" (as in Gmail and Fastmail) and Ctrl/⌘+N open a new message, unless one is open already. */
export function useComposeShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const plainC = event.key === 'c' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      const newShortcut = (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'n';
      if (!plainC && !newShortcut) return;
      if (useComposerStore.getState().session !== null || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      openNewMessage();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
