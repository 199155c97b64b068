// Seeding for scale (benchmarks, big-mailbox tests) and for the demo.
export { generateMessages, type GenerateOptions } from './generate';
export { seedGeneratedMessages, type SeedGeneratedOptions, type SeedResult } from './seedGenerated';
export { seedDemoMailboxes, type DemoUsers } from './demo';
