import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// One build for every runtime: the Electron shell and the web-mode entry share the main-side bundle, the preload
// is CommonJS (a sandboxed preload cannot be an ES module), and the renderer is served by both.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/shell/index.ts'),
          web: resolve(root, 'src/main/web/main.ts'),
          parseWorker: resolve(root, 'src/main/sync/parseWorker.ts'),
          checkpointWorker: resolve(root, 'src/main/store/checkpointWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } } },
    plugins: [react()],
  },
});
