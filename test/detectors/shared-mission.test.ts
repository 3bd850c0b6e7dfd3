import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect } from '../helpers/detect.js';

describe('shared-mission', () => {
  it('never applies from data, and says to answer the questionnaire', () => {
    const s = script();
    const q = s.post('ana', 'Notre mission : mieux soigner, ensemble');
    s.reply(q, 'ben', 'Exactement, c’est pour ça qu’on est là');
    const out = detect('shared-mission', build(s.rows, { brand: ['brand'] }));
    expect(out.score).toBeNull();
    expect(out.reason).toEqual({ key: 'reason.questionnaireOnly' });
    expect(out.sample).toBe(0);
  });
});
