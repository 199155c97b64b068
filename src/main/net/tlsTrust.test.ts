import { describe, expect, it } from 'vitest';
import { fingerprintSha256, normaliseFingerprint } from './tlsTrust';

describe('tlsTrust fingerprints', () => {
  it('prints SHA-256 as upper-case hex pairs joined by colons', () => {
    // SHA-256 of the empty input, a published test vector.
    expect(fingerprintSha256(Buffer.alloc(0))).toBe(
      'E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55',
    );
  });

  it('accepts a pasted fingerprint in lower case, with spaces or without separators', () => {
    const canonical = fingerprintSha256(Buffer.from('x'));
    expect(normaliseFingerprint(canonical.toLowerCase())).toBe(canonical);
    expect(normaliseFingerprint(canonical.replace(/:/g, ' '))).toBe(canonical);
    expect(normaliseFingerprint(canonical.replace(/:/g, ''))).toBe(canonical);
  });

  it('rejects something that is not a SHA-256 fingerprint', () => {
    expect(normaliseFingerprint('AB:CD')).toBeNull();
    expect(normaliseFingerprint('ZZ'.repeat(32))).toBeNull();
  });
});
