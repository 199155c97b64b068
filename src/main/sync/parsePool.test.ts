import { afterAll, describe, expect, it } from 'vitest';
import { createParsePool } from './parsePool';

describe('parse worker pool', () => {
  const pool = createParsePool(2);
  afterAll(() => pool.close());

  it('parses batches in worker threads and keeps the order of the messages', async () => {
    const message = (text: string) => [
      { textPart: { part: '1', contentType: 'text/plain' as const, charset: 'utf-8', encoding: 'base64', size: 0 }, content: Buffer.from(Buffer.from(text).toString('base64')) },
    ];
    const batches = await Promise.all([
      pool.parse([message('uno'), message('due')]),
      pool.parse([message('tre')]),
      pool.parse([message('quattro')]),
    ]);
    expect(batches.map((bodies) => bodies.map((body) => body.text))).toEqual([['uno', 'due'], ['tre'], ['quattro']]);
  });

  it('leaves the caller its buffers: the parts are copied into the one buffer that moves to the worker', async () => {
    const content = Buffer.from('ciao a tutti');
    const parts = [{ textPart: { part: '1', contentType: 'text/plain' as const, charset: 'utf-8', encoding: '7bit', size: 0 }, content }];
    const [parsed] = await pool.parse([parts, parts]);
    expect(parsed?.text).toBe('ciao a tutti');
    expect(content.toString()).toBe('ciao a tutti');
  });
});
