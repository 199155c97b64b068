import { describe, expect, it } from 'vitest';
import { translateAroundPart, translatePhrase, type Phrase } from './phrase';

const texts: Record<string, string> = {
  line: 'Next: {{when}} — {{why}}.',
  when: 'in {{count}} min',
  why: '{{cause}}, option on',
  cause: 'window hidden',
};
const t = (key: string, values: Record<string, string | number>) =>
  (texts[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

const line: Phrase = {
  key: 'line',
  parts: { when: { key: 'when', values: { count: 10 } }, why: { key: 'why', parts: { cause: { key: 'cause' } } } },
};

describe('phrases', () => {
  it('translate their parts, nested ones included, into the sentence', () => {
    expect(translatePhrase(t, line)).toBe('Next: in 10 min — window hidden, option on.');
  });

  it('cut a translated sentence around one part, keeping the words on either side', () => {
    expect(translateAroundPart(t, line, 'why')).toEqual({ before: 'Next: in 10 min — ', part: 'window hidden, option on', after: '.' });
  });

  it('leave the whole sentence before the cut when the part is missing', () => {
    expect(translateAroundPart(t, line, 'reason')).toEqual({ before: 'Next: in 10 min — window hidden, option on.', part: '', after: '' });
  });
});
