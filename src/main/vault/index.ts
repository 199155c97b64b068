export { createFileVault } from './fileVault';
export type { Vault } from './vault';
