/**
 * Images pasted into the editor live there as `data:` URLs (they show at once, with nothing to fetch). Mail
 * clients block `data:` images, so a draft carries them as inline attachments referenced by `cid:` (RFC 2392),
 * and a reopened draft turns them back into `data:` URLs for the editor.
 */
import type { DraftAttachment } from '../../../shared/api/compose';

// The editor's innerHTML always quotes attributes with double quotes, so this sees every pasted image.
const DATA_IMAGE = /(<img\b[^>]*?\bsrc=")data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/=]+)(")/gi;
const CID_IMAGE = /(<img\b[^>]*?\bsrc=")cid:([^"]+)(")/gi;

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

export interface InlineImages {
  html: string;
  images: DraftAttachment[];
}

/**
 * Moves every `data:` image into an inline attachment; the same picture twice becomes one attachment.
 * `contentIdFor` names a picture (given its base64); returning the same id for the same picture across saves
 * keeps the draft's attachments stable.
 */
export function dataImagesToCid(html: string, contentIdFor: (base64: string) => string): InlineImages {
  const images: DraftAttachment[] = [];
  const replaced = html.replace(DATA_IMAGE, (_match, before: string, contentType: string, base64: string, after: string) => {
    const type = contentType.toLowerCase();
    let image = images.find((existing) => existing.base64 === base64 && existing.contentType === type);
    if (!image) {
      const contentId = contentIdFor(base64);
      image = { filename: `image-${images.length + 1}.${EXTENSIONS[type] ?? 'png'}`, contentType: type, base64, contentId };
      images.push(image);
    }
    return `${before}cid:${image.contentId}${after}`;
  });
  return { html: replaced, images };
}

/** The editor's view of a stored draft: `cid:` images back to `data:` URLs from the draft's own attachments. */
export function cidImagesToData(html: string, attachments: readonly DraftAttachment[]): string {
  return html.replace(CID_IMAGE, (match, before: string, contentId: string, after: string) => {
    const image = attachments.find((attachment) => attachment.contentId === contentId);
    return image ? `${before}data:${image.contentType};base64,${image.base64}${after}` : match;
  });
}
