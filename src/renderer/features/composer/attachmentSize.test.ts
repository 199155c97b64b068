import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE_LIMIT_BYTES, decodedSize, isOverSizeLimit, messageSize, sizeLimitOf } from './attachmentSize';

const base64Of = (bytes: number): string => btoa('\x07'.repeat(bytes));

describe('message size', () => {
  it('reads the size of a file from its base64 without decoding it', () => {
    for (const bytes of [0, 1, 2, 3, 1000, 1001]) expect(decodedSize(base64Of(bytes))).toBe(bytes);
  });

  it('counts attachments as they travel: a third bigger, plus line breaks', () => {
    expect(messageSize([{ base64: base64Of(57) }], 100)).toBe(76 + 2 + 100);
  });

  it('warns over 25 MB of encoded mail even when the files add up to less', () => {
    const files = [{ base64: base64Of(10_000_000) }, { base64: base64Of(9_000_000) }];
    expect(isOverSizeLimit(messageSize(files, 0))).toBe(true);
    expect(isOverSizeLimit(messageSize([{ base64: base64Of(18_000_000) }], 0))).toBe(false);
  });

  it('takes the server’s own limit when it announced one', () => {
    expect(isOverSizeLimit(messageSize([{ base64: base64Of(1_000_000) }], 0), 1_000_000)).toBe(true);
    expect(DEFAULT_SIZE_LIMIT_BYTES).toBe(25_000_000);
  });

  it('warns against the sending account’s SMTP SIZE, or 25 MB while the server has not told it', () => {
    expect(sizeLimitOf({ smtpMaxSize: 10_240_000 })).toBe(10_240_000);
    expect(sizeLimitOf({ smtpMaxSize: null })).toBe(DEFAULT_SIZE_LIMIT_BYTES);
    expect(sizeLimitOf(undefined)).toBe(DEFAULT_SIZE_LIMIT_BYTES);
    const twelveMegabytes = messageSize([{ base64: base64Of(9_000_000) }], 0);
    expect(isOverSizeLimit(twelveMegabytes, sizeLimitOf({ smtpMaxSize: 10_240_000 }))).toBe(true);
    expect(isOverSizeLimit(twelveMegabytes, sizeLimitOf({ smtpMaxSize: null }))).toBe(false);
  });
});
