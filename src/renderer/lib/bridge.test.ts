import { describe, expect, it, vi } from 'vitest';
import { channelsOf, type PostinoBridge, type PostinoTransport } from '../../shared/api';
import { PostinoError, type Result } from '../../shared/errors';
import { DEFAULT_SETTINGS } from '../../shared/types';
import { buildApi, createBridge } from './bridge';

function transportAnswering(result: Result<unknown>): PostinoTransport & { invoke: ReturnType<typeof vi.fn> } {
  return { invoke: vi.fn(async () => result), on: vi.fn(() => () => {}) };
}

describe('createBridge', () => {
  it('returns the value of a successful request', async () => {
    const transport = transportAnswering({ ok: true, value: DEFAULT_SETTINGS });
    const bridge = createBridge(transport);

    await expect(bridge.invoke('settings:get')).resolves.toEqual(DEFAULT_SETTINGS);
    expect(transport.invoke).toHaveBeenCalledWith('settings:get');
  });

  it('throws a failed request as a PostinoError that keeps its code and details', async () => {
    const bridge = createBridge(
      transportAnswering({ ok: false, error: { code: 'tls-untrusted', message: 'self-signed', details: { fingerprintSha256: 'AB:CD' } } }),
    );

    const error = await bridge.invoke('accounts:remove', 'a1').catch((err: unknown) => err);

    expect(error).toBeInstanceOf(PostinoError);
    expect(error).toMatchObject({ code: 'tls-untrusted', message: 'self-signed', details: { fingerprintSha256: 'AB:CD' } });
  });

  it('hands event subscriptions to the transport and returns its unsubscribe', () => {
    const unsubscribe = vi.fn();
    const transport: PostinoTransport = { invoke: vi.fn(), on: vi.fn(() => unsubscribe) };
    const listener = vi.fn();

    createBridge(transport).on('sync:status', listener)();

    expect(transport.on).toHaveBeenCalledWith('sync:status', listener);
    expect(unsubscribe).toHaveBeenCalled();
  });
});

describe('buildApi', () => {
  it('offers one function per channel, calling the bridge with that channel and the arguments', async () => {
    const invoke = vi.fn(async () => 'answer');
    const api = buildApi(() => ({ invoke, on: vi.fn() }) as unknown as PostinoBridge);

    await expect(api.messages.list({ folderId: 3, offset: 0, limit: 50 })).resolves.toBe('answer');
    expect(invoke).toHaveBeenCalledWith('messages:list', { folderId: 3, offset: 0, limit: 50 });

    const offered = Object.entries(api).flatMap(([domain, methods]) => Object.keys(methods).map((method) => `${domain}:${method}`));
    expect(offered.sort()).toEqual(channelsOf().sort());
  });

  it('reaches the bridge only when a method is called', () => {
    const bridgeOf = vi.fn();
    buildApi(bridgeOf);
    expect(bridgeOf).not.toHaveBeenCalled();
  });
});
