import { describe, expect, it, vi } from 'vitest';
import { channelsOf, type PostinoApi } from '../../shared/api';
import { DEFAULT_SETTINGS } from '../../shared/types';
import { PostinoError } from '../../shared/errors';
import { createTestApi } from '../web/testCore';
import { createDispatcher } from './dispatch';

const quiet = { reportInternalError: () => {} };

describe('createDispatcher', () => {
  it('calls the method a channel names with the arguments given and wraps its value', async () => {
    const list = vi.fn(async (accountId?: string) => [{ id: 1, accountId }]);
    const dispatch = createDispatcher(createTestApi({ folders: { list } as never }));

    const result = await dispatch('folders:list', ['acc-1']);

    expect(list).toHaveBeenCalledWith('acc-1');
    expect(result).toEqual({ ok: true, value: [{ id: 1, accountId: 'acc-1' }] });
  });

  it('answers every channel of the contract', async () => {
    const dispatch = createDispatcher(createTestApi(), quiet);
    for (const channel of channelsOf()) {
      const result = await dispatch(channel, []);
      // The test API answers not-found for everything: an unknown channel would say invalid-input instead.
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('refuses an unknown channel with invalid-input', async () => {
    const dispatch = createDispatcher(createTestApi());
    expect(await dispatch('messages:delete', [])).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Unknown channel: messages:delete', details: { field: 'channel' } },
    });
  });

  it.each(['__proto__', '__proto__:constructor', 'constructor', 'toString', 'settings:constructor', 'settings:__proto__', 'messages:hasOwnProperty', ''])(
    'never reaches an object property through the channel name %j',
    async (channel) => {
      const dispatch = createDispatcher(createTestApi());
      expect(await dispatch(channel, [])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    },
  );

  it('refuses arguments that are not an array', async () => {
    const dispatch = createDispatcher(createTestApi({ settings: { get: async () => DEFAULT_SETTINGS } }));
    expect(await dispatch('settings:get', { 0: 1 } as unknown as unknown[])).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { field: 'args' } },
    });
  });

  it('keeps the code and details of a PostinoError', async () => {
    const dispatch = createDispatcher(
      createTestApi({
        accounts: {
          add: async () => {
            throw new PostinoError('tls-untrusted', 'self-signed', { fingerprintSha256: 'AB:CD' });
          },
        },
      }),
    );
    expect(await dispatch('accounts:add', [{}])).toEqual({
      ok: false,
      error: { code: 'tls-untrusted', message: 'self-signed', details: { fingerprintSha256: 'AB:CD' } },
    });
  });

  it('turns any other thrown value into internal and reports it with its stack', async () => {
    const reportInternalError = vi.fn();
    const bug = new TypeError('x is undefined');
    const dispatch = createDispatcher(
      createTestApi({
        sync: {
          status: async () => {
            throw bug;
          },
        },
      }),
      { reportInternalError },
    );
    expect(await dispatch('sync:status', [])).toEqual({ ok: false, error: { code: 'internal', message: 'x is undefined' } });
    expect(reportInternalError).toHaveBeenCalledWith('sync:status', bug);
  });

  it('keeps the service as `this` for methods written on a class', async () => {
    type SettingsApi = PostinoApi['settings'];
    class Settings implements SettingsApi {
      private current = DEFAULT_SETTINGS;
      async get() {
        return this.current;
      }
      async update(patch: Partial<typeof DEFAULT_SETTINGS>) {
        this.current = { ...this.current, ...patch };
        return this.current;
      }
      async allowRemoteContent() {
        return this.current;
      }
    }
    const dispatch = createDispatcher({ ...createTestApi(), settings: new Settings() });
    expect(await dispatch('settings:get', [])).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('fails at creation when the core lacks a method of the contract', () => {
    const api = createTestApi();
    delete (api.messages as unknown as Record<string, unknown>).attachment;
    expect(() => createDispatcher(api)).toThrow('The core does not implement messages.attachment');
  });
});
