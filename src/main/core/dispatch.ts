import { API_METHODS, type Domain, type PostinoApi } from '../../shared/api';
import { toErrorData, type PostinoErrorData, type Result } from '../../shared/errors';

/** Runs one request from a bridge: a channel name from the wire and its arguments, answered as a Result. */
export type Dispatch = (channel: string, args: unknown[]) => Promise<Result<unknown>>;

type Handler = (...args: unknown[]) => Promise<unknown>;

export interface DispatcherOptions {
  /** Where bugs (errors that become `internal`) are reported with their stack; the bridge only gets the message. */
  reportInternalError?: (channel: string, err: unknown) => void;
}

/**
 * Builds the one request handler both bridges (Electron IPC and the web-mode WebSocket) use. The handler table is
 * built once from `API_METHODS`, so a channel from the wire is looked up in a Map, never as a property of `api`
 * (a channel such as `__proto__:constructor` finds nothing), and a `PostinoApi` lacking a method fails to compile
 * — or, for an object cast into shape, fails here at start-up rather than on the first click.
 */
export function createDispatcher(api: PostinoApi, options: DispatcherOptions = {}): Dispatch {
  const reportInternalError = options.reportInternalError ?? defaultReport;
  const handlers = buildHandlerTable(api);

  return async (channel, args) => {
    const handler = typeof channel === 'string' ? handlers.get(channel) : undefined;
    if (!handler) return failure({ code: 'invalid-input', message: `Unknown channel: ${String(channel)}`, details: { field: 'channel' } });
    if (!Array.isArray(args)) return failure({ code: 'invalid-input', message: 'Arguments must be an array', details: { field: 'args' } });
    try {
      return { ok: true, value: await handler(...args) };
    } catch (err) {
      const error = toErrorData(err);
      if (error.code === 'internal') reportInternalError(channel, err);
      return failure(error);
    }
  };
}

function buildHandlerTable(api: PostinoApi): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const domain of Object.keys(API_METHODS) as Domain[]) {
    const service = api[domain] as unknown as Record<string, unknown>;
    for (const method of API_METHODS[domain]) {
      const fn = service[method];
      if (typeof fn !== 'function') throw new TypeError(`The core does not implement ${domain}.${method}`);
      handlers.set(`${domain}:${method}`, (...args) => Promise.resolve(fn.apply(service, args)));
    }
  }
  return handlers;
}

function failure(error: PostinoErrorData): Result<never> {
  return { ok: false, error };
}

function defaultReport(channel: string, err: unknown): void {
  console.error(`Postino: ${channel} failed with an unexpected error`, err);
}
