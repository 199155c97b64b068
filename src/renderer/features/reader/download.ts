import { api } from '../../lib/bridge';
import { safeFileName } from '../../lib/safeFileName';

/**
 * Saves an attachment through the browser's download: fetched from the core as base64, wrapped as an opaque
 * octet-stream (so nothing is ever rendered or sniffed as a page) under a name that cannot be a path.
 */
export async function downloadAttachment(attachmentId: number): Promise<void> {
  const { filename, base64 } = await api.messages.attachment(attachmentId);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = safeFileName(filename);
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started from the URL by now; revoking later frees the bytes without racing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
