import { inject } from 'vitest';
import type { RigInfo } from './types';

let activeRig: RigInfo | undefined;

/** Makes the rig functions act on `rig` in this process (a script's rig, or a test file's isolated one). */
export function setActiveRig(rig: RigInfo | undefined): void {
  activeRig = rig;
}

/** The rig this process acts on: its own if it started one, else the one from vitest's global setup. */
export function rigInfo(): RigInfo {
  return activeRig ?? inject('rig');
}
