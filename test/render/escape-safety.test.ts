import { describe, expect, it } from 'vitest';
import { csvField, escapeHtml, escapeMarkdownInline, jsonForHtml, neutralizeFormula, stripTerminalControls, stripTerminalControlsDeep } from '../../src/render/escape.js';

// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('stripTerminalControls', () => {
  it.each([
    ['clear screen and cursor home', '\u001b[2J\u001b[HAlice', 'Alice'],
    ['colours', '\u001b[31;1mred\u001b[0m text', 'red text'],
    ['window title (OSC ended by BEL)', 'Bob\u001b]0;pwned\u0007 Martin', 'Bob Martin'],
    ['hyperlink (OSC 8 ended by ST)', '\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['8-bit CSI', 'x\u009b2Jy', 'xy'],
    ['device control string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['a lone ESC and a two-byte escape', 'a\u001bcb\u001b', 'ab'],
    ['backspaces and carriage returns that rewrite a line', 'safe\rEVIL\b\b\b\b', 'safe EVIL'],
    ['bell, NUL, DEL', 'a\u0007b\u0000c\u007fd', 'abcd'],
    ['bidi override and isolates', '\u202eevil\u202c \u2066x\u2069', 'evil x'],
    ['line breaks of every kind become spaces', 'one\ntwo\r\nthree\u2028four\tfive', 'one two three four five'],
  ])('removes %s', (_what, input, expected) => {
    expect(stripTerminalControls(input)).toBe(expected);
    expect(stripTerminalControls(input)).not.toMatch(ANY_CONTROL);
  });

  it('keeps what is text: accents, emoji with joiners, right-to-left letters', () => {
    const text = 'Léa 👩‍👩‍👧 مرحبا « ok » €';
    expect(stripTerminalControls(text)).toBe(text);
  });

  it('can keep line breaks', () => {
    expect(stripTerminalControls('a\r\nb\u001b[2Jc', { keepNewlines: true })).toBe('a\nbc');
  });

  it('cleans every string of a nested value without changing the value', () => {
    const value = { a: ['x\u001b[2J', { b: 'y\u0007' }], n: 3, z: null };
    expect(stripTerminalControlsDeep(value)).toEqual({ a: ['x', { b: 'y' }], n: 3, z: null });
    expect(value.a[0]).toBe('x\u001b[2J');
  });
});

describe('escapeHtml', () => {
  it('escapes markup and both quotes, so text cannot open a tag or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y' \`z\``)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; `z`');
    expect(escapeHtml('<img src=x onerror=alert(1)>')).not.toMatch(/[<>]/);
  });

  it('leaves entities as text, never decoded twice', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('jsonForHtml', () => {
  it('cannot close the script it is embedded in, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', t: '<!-- \u2028 \u2029 & >' };
    const s = jsonForHtml(value);
    expect(s).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(s)).toEqual(value);
  });
});

describe('escapeMarkdownInline', () => {
  it.each([
    ['a link', '[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['an image', '![x](http://evil.example/p.png)', '\\!\\[x\\](http\\:\\/\\/evil.example/p.png)'],
    ['a table cell break', 'a | b', 'a \\| b'],
    ['raw HTML', '<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['emphasis and code', '*bold* _it_ `code` ~~del~~', '\\*bold\\* \\_it\\_ \\`code\\` \\~\\~del\\~\\~'],
    ['a heading at the start', '# Title', '\\# Title'],
    ['a list item at the start', '- item', '\\- item'],
    ['a numbered list at the start', '1. first', '1\\. first'],
    ['a line break inside', 'one\ntwo\r\n| x |', 'one two \\| x \\|'],
    ['a bare URL (GitHub autolink)', 'see https://evil.example and www.evil.example', 'see https\\:\\/\\/evil.example and www\\.evil.example'],
    ['an @mention (GitHub notifies)', 'thanks @octocat', 'thanks \\@octocat'],
    ['an entity', '&lt;script&gt;', '\\&lt;script\\&gt;'],
    ['maths', '$x$', '\\$x\\$'],
  ])('neutralizes %s', (_what, input, expected) => {
    expect(escapeMarkdownInline(input)).toBe(expected);
  });

  it('leaves ordinary French text readable: parentheses and colons stay as written', () => {
    expect(escapeMarkdownInline('Merci ! C’est top (vraiment) : à bientôt.')).toBe('Merci \\! C’est top (vraiment) : à bientôt.');
  });

  it('no escaped text can produce an unescaped bracket, pipe or angle bracket', () => {
    const hostile = '\\[x\\](y) \\| \\<b\\>';
    const out = escapeMarkdownInline(hostile);
    // every special character is preceded by an odd number of backslashes
    for (const m of out.matchAll(/(\\*)([[\]|<>])/g)) expect(m[1]!.length % 2).toBe(1);
  });
});

describe('neutralizeFormula and csvField', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['-2+3+cmd|calc', "'-2+3+cmd|calc"],
    ['\t=1+1', "'\t=1+1"],
    ['  =1+1', "'  =1+1"],
    ['\uff1d1+1', "'\uff1d1+1"],
  ])('neutralizes %j', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });

  it.each(['-3', '+12.5', '-1,5', 'Léa', 'a=b', 'mail me@x'])('leaves %j as it is', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });

  it('quotes a field that holds the delimiter, a quote or a line break, after neutralizing it', () => {
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});
