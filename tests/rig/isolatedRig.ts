import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { setActiveRig } from './activeRig';
import { rigsRoot } from './paths';
import { startRig, type RunningRig } from './startRig';

/**
 * Gives the calling test file a rig of its own for all its tests. Call it at the top level of a file that
 * stops or kills Dovecot: the shared rig serves test files running in parallel, which must not see it go.
 */
export function useIsolatedRig(): void {
  let rig: RunningRig | undefined;
  beforeAll(async () => {
    await mkdir(rigsRoot, { recursive: true });
    rig = await startRig({ dir: await mkdtemp(join(rigsRoot, 'isolated-')) });
    setActiveRig(rig);
  }, 180_000);
  afterAll(async () => {
    setActiveRig(undefined);
    if (!rig) return;
    await rig.stop();
    await rm(rig.dir, { recursive: true, force: true });
  }, 60_000);
}
