import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { t } from '../../src/i18n/index.js';
import { parseAnswers, renderAnswersFile } from '../../src/quiz/answers-file.js';
import { QUESTIONS } from '../../src/quiz/questions.js';

function errorOf(text: string, lang: 'en' | 'fr' = 'en'): string {
  try {
    parseAnswers(text, 'a.json', lang);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const ref = (error as InputError).ref;
    return t(lang, ref.key, ref.values);
  }
  throw new Error('expected an error');
}

describe('parseAnswers', () => {
  it('reads the short form; absent and null both mean skipped', () => {
    const a = parseAnswers('{"members-reply": "often", "mission": null}', 'a.json', 'en');
    expect(a.get('members-reply')).toBe('often');
    expect(a.get('mission')).toBeNull();
    expect(a.get('core')).toBeNull();
    expect([...a.keys()]).toEqual(QUESTIONS.map((q) => q.id));
  });

  it('reads the template form, ignoring the descriptive fields, with a BOM', () => {
    const a = parseAnswers('\uFEFF{"version": 1, "about": "x", "answers": {"core": {"question": "?", "allowed": {}, "answer": "one-or-two"}, "mission": "clearly"}}', 'a.json', 'en');
    expect(a.get('core')).toBe('one-or-two');
    expect(a.get('mission')).toBe('clearly');
  });

  it('round-trips what --save-answers writes', () => {
    const answers = new Map(QUESTIONS.map((q, i) => [q.id, i % 3 === 0 ? null : q.choices[i % q.choices.length]!.value]));
    expect(parseAnswers(renderAnswersFile('fr', answers), 'a.json', 'en')).toEqual(answers);
  });

  it('lists every unknown key, with a suggestion when one is close', () => {
    expect(errorOf('{"memberz-reply": "often", "colour": "blue"}')).toBe(
      'a.json: unknown keys: memberz-reply (did you mean members-reply?), colour. Run community-audit quiz --template for every question and its allowed values.',
    );
    expect(errorOf('{"answers": {}, "extra": 1}')).toContain('unknown key: extra.');
  });

  it('lists every value out of range, in the order of the questions, with what is allowed', () => {
    const text = errorOf('{"mission": "yes", "who-starts": 3, "core": {"answer": ["x"]}}');
    expect(text).toBe(
      'a.json: “who-starts” cannot be 3: allowed always-me, mostly-me, both, mostly-members, or null to skip it. ' +
        '“core” cannot be ["x"]: allowed nobody, one-or-two, three-to-nine, ten-or-more, or null to skip it. ' +
        '“mission” cannot be "yes": allowed not-really, somewhat, clearly, why-they-are-here, or null to skip it. ' +
        'Run community-audit quiz --template for every question and its allowed values.',
    );
  });

  it('rejects a wrong version and something that is not an object', () => {
    expect(errorOf('{"version": 2, "answers": {}}')).toContain('“version” must be 1.');
    expect(errorOf('["often"]')).toContain('expected an object of answers');
    expect(errorOf('"often"')).toContain('expected an object of answers');
  });

  it('points at the line and column of broken JSON', () => {
    expect(errorOf('{\n  "core": "nobody"\n  "mission": "clearly"\n}', 'fr')).toBe(
      'a.json, ligne 3, colonne 3\u202f: ce n’est pas du JSON valide. Vérifiez les virgules et les guillemets, ou repartez de community-audit quiz --template.',
    );
  });

  it('treats __proto__ as an unknown key, not as a way into the object', () => {
    expect(errorOf('{"__proto__": {"answer": "often"}}')).toContain('unknown key: __proto__');
  });
});
