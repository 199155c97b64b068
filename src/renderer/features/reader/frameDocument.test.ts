import { describe, expect, it } from 'vitest';
import { frameContentPolicy, frameDocument } from './frameDocument';

describe('frameContentPolicy', () => {
  it('blocks everything remote by default and never allows scripts', () => {
    const policy = frameContentPolicy(false);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("style-src 'unsafe-inline'");
    expect(policy).toContain('img-src data: cid:;');
    expect(policy).not.toMatch(/https?:/);
    expect(policy).not.toContain('script-src');
  });

  it('lets images, styles and fonts come over http and https once remote content is allowed', () => {
    const policy = frameContentPolicy(true);
    expect(policy).toContain('img-src data: cid: https: http:');
    expect(policy).toContain("style-src 'unsafe-inline' https: http:");
    expect(policy).toContain('font-src data: https: http:');
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('script-src');
  });
});

describe('frameDocument', () => {
  it('puts the content policy before the mail body', () => {
    const document = frameDocument('<p>Ciao</p>', false);
    const policyAt = document.indexOf('Content-Security-Policy');
    expect(policyAt).toBeGreaterThan(0);
    expect(policyAt).toBeLessThan(document.indexOf('<p>Ciao</p>'));
    expect(document).toContain(`content="${frameContentPolicy(false)}"`);
  });
});
