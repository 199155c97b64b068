/**
 * The renderer's one way to the core, whatever hosts it: Electron's preload (`window.postino`) or, in a plain
 * browser, the web-mode WebSocket. Components call `api.messages.list(query)`; nobody writes a channel string.
 */
import { API_METHODS, type Channel, type Domain, type PostinoApi, type PostinoBridge, type PostinoTransport } from '../../shared/api';
import { PostinoError, type Result } from '../../shared/errors';
import { createSocketTransport, socketUrl } from './socketTransport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    postino?: PostinoTransport;
  }
}

/** Unwraps the Result envelope: values come back as values, errors are thrown as PostinoError with their code. */
export function createBridge(transport: PostinoTransport): PostinoBridge {
  return {
    invoke: async (channel, ...args) => unwrap(await transport.invoke(channel, ...args)),
    on: (event, listener) => transport.on(event, listener),
  };
}

function unwrap<T>(result: Result<unknown>): T {
  if (result.ok) return result.value as T;
  throw new PostinoError(result.error.code, result.error.message, result.error.details);
}

let bridge: PostinoBridge | undefined;

export function getBridge(): PostinoBridge {
  bridge ??= createBridge(
    window.postino ?? createSocketTransport({ url: socketUrl(window.location), openSocket: (url) => new WebSocket(url) }),
  );
  return bridge;
}

/** The typed API, one function per channel of `API_METHODS`; the bridge is reached on the first call. */
export const api: PostinoApi = buildApi(() => getBridge());

export function buildApi(bridgeOf: () => PostinoBridge): PostinoApi {
  const client: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const domain of Object.keys(API_METHODS) as Domain[]) {
    client[domain] = Object.fromEntries(
      API_METHODS[domain].map((method) => {
        const channel = `${domain}:${method}` as Channel;
        const call = (...args: unknown[]) => bridgeOf().invoke(channel, ...(args as never));
        return [method, call];
      }),
    );
  }
  return client as unknown as PostinoApi;
}

/**
 * Opens an http(s) or mailto link outside the app, the same way in both hosts: a browser opens a new tab without
 * a way back to this page; Electron's window-open handler (src/main/shell) hands the address to the system browser
 * and refuses every other scheme.
 */
export function openExternal(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}
