import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/text.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { build } from '../helpers/dataset.js';

const EVIL = '\u001b[2J\u001b[HMallory\u001b]0;pwned\u0007\u009b1m';
const FILE = 'exp\u001b[31mort.csv';

/** Members answering each other, one of them with escape sequences in the name and the text. */
function hostile() {
  const names = ['Alice', EVIL, 'Bob\u202e', 'Chloé\r\nFAKE LINE', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal'];
  const rows = [];
  let id = 0;
  for (let week = 0; week < 4; week++) {
    for (let i = 0; i < names.length; i++) {
      const root = `m${++id}`;
      rows.push({ id: root, author: names[i]!, at: week * 7 * 24 * 60 + i * 30, text: `question ${id} ? \u001b[2J\u001b]8;;http://evil.example\u0007lien` });
      rows.push({ id: `m${++id}`, author: names[(i + 1) % names.length]!, at: week * 7 * 24 * 60 + i * 30 + 5, parent: root, text: `réponse \u0007\u0008\u0000 ${EVIL}` });
    }
  }
  const ds = build(rows, { brand: [EVIL] });
  const result = runAudit(ds, { lang: 'en', generatedAt: new Date(0) });
  return { ...result, input: { ...result.input, sources: result.input.sources.map((s) => ({ ...s, file: FILE })) } };
}

describe('renderText with hostile names, texts and file names', () => {
  it('prints no control character, escape sequence or bidi override of theirs', () => {
    const out = renderText(hostile(), { color: false, width: 100 });
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('Mallory'); // the name is shown, without what it tried to do
    expect(out).toContain('export.csv');
    expect(out).not.toMatch(/^FAKE LINE/m);
  });

  it('in colour, the only escape sequences are the report’s own colours', () => {
    const out = renderText(hostile(), { color: true, width: 100 });
    // eslint-disable-next-line no-control-regex
    const sequences = out.match(/\u001b[^m]*m|\u001b[^[]|\u009b|\u0007/g) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    for (const s of sequences) expect(s).toMatch(/^\u001b\[\d+(;\d+)*m$/);
  });
});
