/** Files the user picked or dropped, read into attachments (base64: the bridge carries JSON only). */
import type { DraftAttachment } from '../../../shared/api/compose';

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

export async function readAttachments(files: Iterable<File>): Promise<DraftAttachment[]> {
  return Promise.all(
    [...files].map(async (file) => ({
      filename: file.name || 'attachment',
      contentType: file.type || 'application/octet-stream',
      base64: await readAsBase64(file),
    })),
  );
}

/** A pasted image as a data: URL the editor can show at once. */
export async function readAsDataUrl(file: Blob): Promise<string> {
  return `data:${file.type};base64,${await readAsBase64(file)}`;
}
