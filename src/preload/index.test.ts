/**
 * The preload against a stand-in `electron` module (its binary cannot run here): what it exposes to the page,
 * and that nothing but contract channels and events ever reaches ipcRenderer.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PostinoTransport } from '../shared/api';

const exposed = new Map<string, unknown>();
const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' })),
  on: vi.fn(),
  removeListener: vi.fn(),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer,
}));

describe('the preload', () => {
  let postino: PostinoTransport;
  beforeAll(async () => {
    await import('./index');
    postino = exposed.get('postino') as PostinoTransport;
  });

  it('exposes exactly invoke and on, as window.postino', () => {
    expect([...exposed.keys()]).toEqual(['postino']);
    expect(Object.keys(postino).sort()).toEqual(['invoke', 'on']);
  });

  it('passes a contract channel and its arguments to the main process', async () => {
    expect(await postino.invoke('messages:get', 7)).toEqual({ ok: true, value: 'from main' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('messages:get', 7);
  });

  it('refuses any other channel without reaching the main process', async () => {
    ipcRenderer.invoke.mockClear();
    for (const channel of ['__proto__', 'shell:openExternal', 'event:store:changed', 'messages:delete']) {
      expect(await postino.invoke(channel as never), channel).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('hands a listener the payload only, never the IPC event, and removes it on unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = postino.on('store:changed', listener);
    const [channel, forward] = ipcRenderer.on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe('event:store:changed');

    forward({ sender: 'the IPC event' }, { entity: 'message', kind: 'update', ids: [1] });
    expect(listener).toHaveBeenCalledWith({ entity: 'message', kind: 'update', ids: [1] });
    expect(listener.mock.calls[0]).toHaveLength(1);

    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('event:store:changed', forward);
  });

  it('refuses to subscribe to an event outside the contract', () => {
    expect(() => postino.on('ipc:anything' as never, () => {})).toThrow('Unknown event: ipc:anything');
  });
});
