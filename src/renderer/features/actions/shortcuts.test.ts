import { describe, expect, it } from 'vitest';
import { commandFor, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('maps the common single keys to their actions', () => {
    expect(commandFor(press('e'))).toBe('archive');
    expect(commandFor(press('#', { shiftKey: true }))).toBe('delete');
    expect(commandFor(press('Delete'))).toBe('delete');
    expect(commandFor(press('u'))).toBe('markUnread');
    expect(commandFor(press('I', { shiftKey: true }))).toBe('markRead');
    expect(commandFor(press('s'))).toBe('toggleFlag');
    expect(commandFor(press('!', { shiftKey: true }))).toBe('spam');
    expect(commandFor(press('v'))).toBe('move');
    expect(commandFor(press('x'))).toBe('toggleCheck');
    expect(commandFor(press('?', { shiftKey: true }))).toBe('help');
  });

  it('deletes forever only with Shift+Delete', () => {
    expect(commandFor(press('Delete', { shiftKey: true }))).toBe('deleteForever');
  });

  it('undoes with Ctrl+Z or ⌘Z, but not with Ctrl+Shift+Z', () => {
    expect(commandFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(commandFor(press('z', { metaKey: true }))).toBe('undo');
    expect(commandFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('ticks the whole list with Ctrl+A or ⌘A', () => {
    expect(commandFor(press('a', { ctrlKey: true }))).toBe('selectAll');
    expect(commandFor(press('a', { metaKey: true }))).toBe('selectAll');
  });

  it('leaves keys with Ctrl or Alt, and unknown keys, to the browser', () => {
    expect(commandFor(press('e', { ctrlKey: true }))).toBeNull();
    expect(commandFor(press('e', { altKey: true }))).toBeNull();
    expect(commandFor(press('q'))).toBeNull();
    expect(commandFor(press('E', { shiftKey: true }))).toBeNull();
  });
});
