import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeMarkdown, withoutBbcodeQuotes, withoutHtmlQuotes } from '../../../src/load/formats/markup.js';

describe('quotes in forum posts', () => {
  it('drops a quote, and a quote inside a quote, keeping only the author’s own words', () => {
    const raw = '[quote="Eternity, post:15, topic:2144"]\n[quote="Apricus, post:4"]\nIn real life?\n[/quote]\n\n~yeah, media makes it easy.\n[/quote]\n\nI think that Apricus has a good point.';
    expect(withoutBbcodeQuotes(raw).trim()).toBe('I think that Apricus has a good point.');
  });

  it('keeps the words between two quotes and after an unclosed one', () => {
    expect(withoutBbcodeQuotes('[quote="a"]x[/quote] mine [QUOTE]y[/QUOTE] too').replace(/\s+/g, ' ').trim()).toBe('mine too');
    expect(withoutBbcodeQuotes('[quote="a"] never closed')).toBe('[quote="a"] never closed');
  });

  it('drops nested HTML quotes of a cooked post', () => {
    const html = '<aside class="quote"><blockquote><aside class="quote"><p>inner?</p></aside>outer?</blockquote></aside><p>Mine.</p>';
    expect(withoutHtmlQuotes(html).trim()).toBe('<p>Mine.</p>');
  });

  it('reads a hostile post of 20,000 unclosed openings: the closed ones go, the rest stays', () => {
    const hostile = '[quote]'.repeat(20_000) + 'x' + '[/quote]'.repeat(5);
    expect(withoutBbcodeQuotes(hostile)).toBe('[quote]'.repeat(19_995) + ' ');
  });

  it('never adds text: the result is made of the post’s own characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('[quote="a"]', '[/quote]', 'words ', '?', '[quote]', '\n')), (parts) => {
        const raw = parts.join('');
        expect(withoutBbcodeQuotes(raw).replace(/ /g, '').length).toBeLessThanOrEqual(raw.replace(/ /g, '').length);
      }),
    );
  });
});

describe('Markdown escapes', () => {
  it('shows the character a backslash escaped', () => {
    expect(unescapeMarkdown('\\~yeah. 1\\. not a list, \\*not bold\\*, C:\\Users')).toBe('~yeah. 1. not a list, *not bold*, C:\\Users');
  });
});
