/**
 * `--help` and usage errors speak the user's language: a French locale gets French headings,
 * option descriptions, examples and commander's own words; English stays commander's wording.
 */
import { describe, expect, it } from 'vitest';
import { localUsageError } from '../../src/cli/help-text.js';
import { runBin } from '../helpers/bin.js';

const FR = { FORCE_COLOR: '0', LANG: 'fr_FR.UTF-8' };
const EN = { FORCE_COLOR: '0', LANG: 'en_GB.UTF-8' };
/** commander's own English words around our descriptions */
const COMMANDER_ENGLISH = [/^Usage:/m, /^Options:/m, /^Commands:/m, /^Arguments:/m, /display help for command/, /output the version number/, /\(choices:/, /default:/];

/** option flag → its description, from a help screen (descriptions wrap onto indented lines) */
function descriptions(help: string): Map<string, string> {
  const out = new Map<string, string>();
  let current = '';
  for (const line of help.split('\n')) {
    const m = /^ {2}(-[^ ].*?) {2,}(.*)$/.exec(line);
    if (m) out.set((current = m[1]!), m[2]!);
    else if (current && /^ {10,}\S/.test(line)) out.set(current, `${out.get(current)!} ${line.trim()}`);
    else current = '';
  }
  return out;
}

describe('--help in French', () => {
  for (const args of [['--help'], ['quiz', '--help'], ['compare', '--help'], ['formats', '--help']]) {
    it(`${args.join(' ')}: every option in French, no English left`, () => {
      const fr = runBin(args, FR);
      const en = runBin(args, EN);
      expect(fr.code).toBe(0);
      for (const english of COMMANDER_ENGLISH) expect(fr.stdout).not.toMatch(english);
      expect(fr.stdout).toMatch(/^Utilisation\u202f: community-audit/m);
      const frOptions = descriptions(fr.stdout);
      const enOptions = descriptions(en.stdout);
      expect([...frOptions.keys()]).toEqual([...enOptions.keys()]);
      expect(frOptions.size).toBeGreaterThan(1);
      for (const [flag, text] of enOptions) expect(frOptions.get(flag), flag).not.toBe(text);
    });
  }

  it('the same help in French with --lang fr under an English locale', () => {
    expect(runBin(['--help', '--lang', 'fr'], EN).stdout).toBe(runBin(['--help'], FR).stdout);
  });

  it('the examples and exit codes are translated, the commands in them are not', () => {
    const help = runBin(['--help'], FR).stdout;
    expect(help).toMatch(/^Exemples\u202f:/m);
    expect(help).toMatch(/^Codes de sortie\u202f: 0 terminé/m);
    expect(help).toContain('community-audit export.csv --fail-on audience --quiet');
    // descriptions wrap: read them as one line
    expect(help.replace(/[ \n]+/g, ' ')).toContain('(au choix\u202f: "text", "json", "markdown", "html", par défaut\u202f: "text")');
  });

  it('a line never starts with the punctuation its narrow space should hold', () => {
    for (const args of [['--help'], ['quiz', '--help'], ['compare', '--help']]) {
      for (const line of runBin(args, FR).stdout.split('\n')) expect(line, line).not.toMatch(/^\s*[;:?!»]/);
    }
  });
});

describe('--help in English', () => {
  it("keeps commander's wording", () => {
    const help = runBin(['--help'], EN).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/^Usage: community-audit \[options\] \[command\] \[files\.\.\.\]/);
    expect(help).toContain('-h, --help display help for command');
    expect(help).toContain('(choices: "week", "month", "quarter")');
    // --map starts from an empty list: no "(default: [])" to puzzle over
    expect(help).not.toContain('default: []');
  });
});

describe('usage errors', () => {
  const cases: [string[], RegExp, RegExp][] = [
    [['--bogus'], /^error: unknown option '--bogus'$/m, /^erreur\u202f: option inconnue «\u202f--bogus\u202f»$/m],
    [['--formt', 'json'], /^\(Did you mean --format\?\)$/m, /^\(Vouliez-vous dire --format\u202f\?\)$/m],
    [['x.csv', '--format', 'pdf'], /argument 'pdf' is invalid\. Allowed choices are text, json, markdown, html\./, /«\u202fpdf\u202f» n’est pas une valeur possible de l’option «\u202f-f, --format <format>\u202f»\. Valeurs possibles\u202f: text, json, markdown, html\./],
    [['compare', 'a.json'], /^error: missing required argument 'after'$/m, /^erreur\u202f: il manque l’argument «\u202fafter\u202f»$/m],
    [['x.csv', '--members'], /^error: option '-m, --members <file>' argument missing$/m, /l’option «\u202f-m, --members <file>\u202f» attend une valeur/],
    [['schema', 'extra'], /too many arguments for 'schema'\. Expected 0 arguments but got 1\./, /trop d’arguments pour «\u202fschema\u202f»\. 0 argument attendu, 1 reçu\./],
    [['compare', 'a', 'b', 'c'], /Expected 2 arguments but got 3\./, /2 arguments attendus, 3 reçus\./],
  ];
  for (const [args, english, french] of cases) {
    it(args.join(' '), () => {
      const en = runBin(args, EN);
      const fr = runBin(args, FR);
      expect(en.code).toBe(2);
      expect(fr.code).toBe(2);
      expect(en.stderr).toMatch(english);
      expect(fr.stderr).toMatch(french);
      expect(fr.stderr).not.toMatch(/error:|Did you mean|Allowed choices/);
      expect(fr.stderr).toContain('(community-audit --help pour l’aide)');
    });
  }

  it('passes an error it does not know as it is', () => {
    expect(localUsageError('fr', "error: option '--a' cannot be used with option '--b'")).toBe("error: option '--a' cannot be used with option '--b'");
  });
});
