/** What the web-mode transport tests share: the small in-test core behind the server. */
import { PostinoError } from '../../src/shared/errors';
import { DEFAULT_SETTINGS } from '../../src/shared/types';
import { createTestCore, type TestCore } from '../../src/main/web/testCore';

/** A core that answers the settings with the defaults and every message request with `not-found`: one success, one error. */
export function createSettingsCore(): TestCore {
  return createTestCore({
    settings: { get: async () => DEFAULT_SETTINGS },
    messages: {
      get: async (id) => {
        throw new PostinoError('not-found', `No message ${id}`, { id });
      },
    },
  });
}
