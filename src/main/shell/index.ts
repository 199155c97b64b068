/**
 * Entry of the desktop app (built to out/main/index.js): the composition root for Electron. Everything Electron
 * does for Postino is in ./shell.ts, reached through ./electronPlatform.ts.
 */
import { app, safeStorage } from 'electron';
import { join } from 'node:path';
import { createCore } from '../core/createCore';
import { createFileVault } from '../vault';
import { createElectronPlatform, registerAppScheme } from './electronPlatform';
import { createStorePreferences } from './preferences';
import { createSafeStorageVault } from './safeStorageVault';
import { startShell } from './shell';

// One folder in development and when packaged (where the product name would otherwise replace the package name).
app.setPath('userData', join(app.getPath('appData'), 'Postino'));
registerAppScheme();
// Windows shows notifications only for an app with an AppUserModelID: electron-builder's appId, which the
// installer registers; set here too so a development run notifies as well.
if (process.platform === 'win32') app.setAppUserModelId('org.postino.desktop');

startShell({
  platform: createElectronPlatform(),
  preferences: createStorePreferences(),
  // Without any safeStorage backend, the portable file vault; it too describes itself as not secure.
  createVault: async (dataDir) =>
    (await safeStorage.isAsyncEncryptionAvailable())
      ? createSafeStorageVault({ dataDir, safeStorage, os: process.platform })
      : createFileVault(dataDir),
  createCore,
}).catch((err: unknown) => {
  console.error('Postino could not start', err);
  app.exit(1);
});
