import { openableUrl } from '../features/reader/links';
import { openExternal as openThroughHost } from './bridge';

/**
 * Opens a link from a message outside the app, after checking its scheme (http, https, mailto only): mail is
 * untrusted, so the check happens here even though the Electron shell checks again.
 */
export function openExternal(url: string): void {
  const safe = openableUrl(url);
  if (safe) openThroughHost(safe);
}
