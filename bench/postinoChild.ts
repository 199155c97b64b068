// Child process: runs Postino's measurements so their peak RSS is measured on their own.
// Usage: node --import tsx bench/postinoChild.ts '<{ rig, user }>'  → JSON figures on stdout. The bench runs it
// bundled (bench/buildChild.ts: out/bench/postinoChild.js), so the process holds Postino's code and nothing else.
import type { RigInfo, TestUser } from '../tests/rig';
import { measurePostino } from './postino';

const { rig, user } = JSON.parse(process.argv[2] ?? '{}') as { rig: RigInfo; user: TestUser };
process.stdout.write(JSON.stringify(await measurePostino(rig, user)));
