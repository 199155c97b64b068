import { describe, expect, it } from 'vitest';
import { neutraliseLink, openableUrl, splitLinks, type LinkElement } from './links';

function fakeAnchor(attributes: Record<string, string>): LinkElement & { attributes: Record<string, string> } {
  return {
    attributes,
    getAttribute: (name) => attributes[name] ?? null,
    setAttribute: (name, value) => void (attributes[name] = value),
    removeAttribute: (name) => void delete attributes[name],
  };
}

describe('openableUrl', () => {
  it('accepts http, https and mailto URLs', () => {
    expect(openableUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(openableUrl('http://example.com')).toBe('http://example.com/');
    expect(openableUrl('mailto:anna@example.com')).toBe('mailto:anna@example.com');
  });

  it('refuses script, data, file and relative URLs', () => {
    expect(openableUrl('javascript:alert(1)')).toBeNull();
    expect(openableUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(openableUrl('java\nscript:alert(1)')).toBeNull();
    expect(openableUrl(' \tjavascript:alert(1)')).toBeNull();
    expect(openableUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(openableUrl('file:///etc/passwd')).toBeNull();
    expect(openableUrl('/relative/path')).toBeNull();
    expect(openableUrl('')).toBeNull();
    expect(openableUrl(null)).toBeNull();
  });
});

describe('neutraliseLink', () => {
  it('removes the href so the frame cannot navigate, and shows the real target on hover', () => {
    const anchor = fakeAnchor({ href: 'https://bank.example/login', target: '_blank', title: 'Your bank' });
    expect(neutraliseLink(anchor)).toBe('https://bank.example/login');
    expect(anchor.attributes).toEqual({ title: 'https://bank.example/login', 'data-postino-link': '' });
  });

  it('drops a javascript: link entirely, including its misleading title', () => {
    const anchor = fakeAnchor({ href: 'javascript:steal()', title: 'https://bank.example' });
    expect(neutraliseLink(anchor)).toBeNull();
    expect(anchor.attributes).toEqual({});
  });
});

describe('splitLinks', () => {
  it('keeps text around links and turns URLs and addresses into links', () => {
    expect(splitLinks('See https://example.com/x or write to anna@example.com.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/x', url: 'https://example.com/x' },
      { kind: 'text', text: ' or write to ' },
      { kind: 'link', text: 'anna@example.com', url: 'mailto:anna@example.com' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('returns the whole text when there is no link, line breaks included', () => {
    expect(splitLinks('line one\nline two')).toEqual([{ kind: 'text', text: 'line one\nline two' }]);
  });
});
