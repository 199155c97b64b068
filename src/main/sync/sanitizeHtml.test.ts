import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitizeHtml';

describe('HTML sanitising', () => {
  it('removes scripts, event handlers, frames, objects and forms', () => {
    const { html } = sanitizeHtml(
      '<p onclick="steal()">Ciao</p><script>alert(1)</script><img src="cid:logo" onerror="alert(2)">' +
        '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><form action="/x"><input name="p"></form>' +
        '<a href="javascript:alert(3)">link</a>',
    );
    expect(html).not.toMatch(/script|onclick|onerror|iframe|object|<form|<input|javascript:/i);
    expect(html).toContain('<p>Ciao</p>');
    expect(html).toContain('<img src="cid:logo" />');
  });

  it('flags a remote image and keeps its URL for the reader to block', () => {
    const result = sanitizeHtml('<p>Hi</p><img src="https://tracker.example/p.gif" width="1">');
    expect(result.hasRemoteContent).toBe(true);
    expect(result.html).toContain('https://tracker.example/p.gif');
  });

  it('flags remote CSS backgrounds in style attributes, background attributes and style blocks', () => {
    expect(sanitizeHtml('<div style="background:url(\'//cdn.example/bg.png\')">x</div>').hasRemoteContent).toBe(true);
    expect(sanitizeHtml('<table background="http://cdn.example/bg.png"><tr><td>x</td></tr></table>').hasRemoteContent).toBe(true);
    expect(sanitizeHtml('<style>@import "https://cdn.example/a.css";</style><p>x</p>').hasRemoteContent).toBe(true);
  });

  it('does not flag a message whose images are all embedded', () => {
    expect(sanitizeHtml('<img src="cid:a"><img src="data:image/png;base64,iVBORw0KGgo=">').hasRemoteContent).toBe(false);
  });

  it('does not flag the URL of an element it removes', () => {
    expect(sanitizeHtml('<iframe src="https://evil.example"></iframe><p>x</p>').hasRemoteContent).toBe(false);
  });

  it('keeps style blocks for layout but neutralises CSS expressions and script URLs', () => {
    const { html } = sanitizeHtml(
      '<style>.a { color: red } .b { width: expression(alert(1)) } .c { background: url(javascript:alert(2)) }</style>' +
        '<p style="color:blue; behavior: url(x.htc)">x</p>',
    );
    expect(html).toContain('.a { color: red }');
    expect(html).not.toMatch(/expression\s*\(|javascript:|behavior\s*:/i);
  });
});
