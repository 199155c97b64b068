import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { reapAbandonedRigs } from './abandonedRigs';
import { rigsRoot } from './paths';
import { startRig } from './startRig';
import type { RigInfo } from './types';

declare module 'vitest' {
  export interface ProvidedContext {
    rig: RigInfo;
  }
}

/** One rig per vitest run (per project that lists this setup), removed afterwards unless KEEP_RIG is set. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await mkdir(rigsRoot, { recursive: true });
  await reapAbandonedRigs(rigsRoot);
  const dir = await mkdtemp(join(rigsRoot, `${project.name}-`));
  const rig = await startRig({ dir });
  const { stop: _stop, ...info } = rig;
  project.provide('rig', info);
  return async () => {
    await rig.stop();
    if (!process.env.KEEP_RIG) await rm(dir, { recursive: true, force: true });
  };
}
