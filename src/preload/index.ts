/**
 * The Electron preload (built to out/preload/index.cjs: a sandboxed preload cannot be an ES module). It exposes
 * exactly `invoke` for the channels of the contract and `on` for its events, as `window.postino` — never
 * ipcRenderer itself, and never the IPC event object, which carries the sender.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelsOf, EVENT_NAMES, type EventName, type PostinoTransport } from '../shared/api';
import { eventChannel } from './eventChannel';

const channels = new Set<string>(channelsOf());
const events = new Set<string>(EVENT_NAMES);

const transport: PostinoTransport = {
  invoke(channel, ...args) {
    if (!channels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-input', message: `Unknown channel: ${String(channel)}` } });
    }
    return ipcRenderer.invoke(channel, ...args);
  },
  on(event, listener) {
    if (!events.has(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    const ipcChannel = eventChannel(event as EventName);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(ipcChannel, forward);
    return () => void ipcRenderer.removeListener(ipcChannel, forward);
  },
};

contextBridge.exposeInMainWorld('postino', transport);
