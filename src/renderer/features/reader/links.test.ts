import { describe, expect, it } from 'vitest';
import { openableUrl, rewriteLink, splitLinks, type LinkElement } from './links';

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

describe('rewriteLink', () => {
  it('makes an https link open in a new window with no opener or referrer, its real target shown on hover', () => {
    const anchor = fakeAnchor({ href: 'https://bank.example/login', target: '_self', title: 'Your bank', ping: 'https://t.example', rel: 'opener' });
    rewriteLink(anchor);
    expect(anchor.attributes).toEqual({
      href: 'https://bank.example/login',
      title: 'https://bank.example/login',
      target: '_blank',
      rel: 'noopener noreferrer',
    });
  });

  it('keeps http and mailto links, written in their normalised form', () => {
    const web = fakeAnchor({ href: 'HTTP://Example.COM' });
    rewriteLink(web);
    expect(web.attributes).toMatchObject({ href: 'http://example.com/', title: 'http://example.com/', target: '_blank' });
    const mail = fakeAnchor({ href: 'mailto:anna@example.com?subject=Ciao' });
    rewriteLink(mail);
    expect(mail.attributes).toMatchObject({ href: 'mailto:anna@example.com?subject=Ciao', title: 'mailto:anna@example.com?subject=Ciao', target: '_blank' });
  });

  it('turns javascript:, data: and file: links into plain text, dropping their misleading title', () => {
    for (const href of ['javascript:steal()', ' JavaScript:steal()', 'java\tscript:steal()', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
      const anchor = fakeAnchor({ href, title: 'https://bank.example', target: '_blank' });
      rewriteLink(anchor);
      expect(anchor.attributes, href).toEqual({});
    }
  });

  it('turns relative, protocol-relative and fragment links into plain text, as they would resolve against the app', () => {
    for (const href of ['/account', 'offer.html', '//evil.example/x', '#section-2', '?q=1']) {
      const anchor = fakeAnchor({ href, target: '_top' });
      rewriteLink(anchor);
      expect(anchor.attributes, href).toEqual({});
    }
  });

  it('drops what could send a working link somewhere else: xlink:href, download and the referrer policy', () => {
    const anchor = fakeAnchor({ href: 'https://example.com/a', 'xlink:href': 'javascript:x()', download: 'a.exe', referrerpolicy: 'unsafe-url' });
    rewriteLink(anchor);
    expect(Object.keys(anchor.attributes).sort()).toEqual(['href', 'rel', 'target', 'title']);
  });

  it('leaves an anchor without href (a named target in the mail) as plain text', () => {
    const anchor = fakeAnchor({ name: 'top' });
    rewriteLink(anchor);
    expect(anchor.attributes).toEqual({ name: 'top' });
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
