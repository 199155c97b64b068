import { seedMaildirIn } from '../maildir';
import type { RigInfo, TestUser } from '../types';
import { createUserIn } from '../users';
import { demoSpecialsFor } from './demoMessages';
import { seedGeneratedMessages } from './seedGenerated';

export interface DemoUsers { alice: TestUser; bob: TestUser }

/**
 * The demo's two mailboxes, a few hundred messages each: alice@ and bob@ (exact names) with generated mail in
 * INBOX and Archive, plus hand-written messages (remote images, a script, attachments, their own thread) as
 * the newest in INBOX. Call it on a fresh rig: creating alice twice would give her a new password.
 */
export async function seedDemoMailboxes(rig: RigInfo, now = new Date()): Promise<DemoUsers> {
  const alice = await createUserIn(rig, 'alice', { exact: true });
  const bob = await createUserIn(rig, 'bob', { exact: true });
  const people = { alice: `"Alice Demo" <${alice.address}>`, bob: `"Bob Demo" <${bob.address}>` };
  const [newsletter, scam, attachments, lunch1, lunch2, lunch3] = await demoSpecialsFor(people, now);
  // Generated mail arrives about every half hour: start far enough back that it ends before the hand-written ones.
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const list = (...messages: Array<Buffer | undefined>) => messages.filter((message): message is Buffer => message !== undefined);

  await seedGeneratedMessages(rig.dir, alice, 'INBOX', { count: 240, seed: 11, seenFraction: 0.8, startDate: daysAgo(6) });
  await seedMaildirIn(rig.dir, alice, 'INBOX', list(newsletter, scam, attachments, lunch1, lunch3));
  await seedGeneratedMessages(rig.dir, alice, 'Archive', { count: 80, seed: 12, seenFraction: 1, startDate: daysAgo(60) });
  await seedMaildirIn(rig.dir, alice, 'Sent', list(lunch2), { seen: true });

  await seedGeneratedMessages(rig.dir, bob, 'INBOX', { count: 150, seed: 21, seenFraction: 0.5, startDate: daysAgo(4) });
  await seedMaildirIn(rig.dir, bob, 'INBOX', list(lunch2));
  await seedMaildirIn(rig.dir, bob, 'Sent', list(lunch1, lunch3), { seen: true });
  return { alice, bob };
}
