import type { Settings } from '../types';

export interface SettingsApi {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
  /** Always show remote content from this sender's address. */
  allowRemoteContent(senderAddress: string): Promise<Settings>;
}

export const SETTINGS_METHODS = ['get', 'update', 'allowRemoteContent'] as const satisfies ReadonlyArray<
  keyof SettingsApi
>;
