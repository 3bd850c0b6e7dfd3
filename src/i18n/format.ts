/**
 * Turns a catalogue template and its values into a sentence.
 *
 *   {name}            the value; numbers in the language's format
 *   {share%}          a 0..1 number as a percentage ("4 %" in French, "4%" in English)
 *   {n|one|other}     the word for n (French: 0 and 1 are singular)
 */
export type Lang = 'fr' | 'en';
export type Values = Record<string, string | number>;

const NNBSP = '\u202f';

export function formatNumber(lang: Lang, x: number, digits = 0): string {
  const s = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(x);
  return s.replace(/\u00a0/g, NNBSP);
}

export function formatPercent(lang: Lang, share: number): string {
  const pct = share * 100;
  const digits = pct !== 0 && Math.abs(pct) < 1 ? 1 : 0;
  return lang === 'fr' ? `${formatNumber(lang, pct, digits)}${NNBSP}%` : `${formatNumber(lang, pct, digits)}%`;
}

function plural(lang: Lang, n: number): 'one' | 'other' {
  return lang === 'fr' ? (Math.abs(n) < 2 ? 'one' : 'other') : n === 1 ? 'one' : 'other';
}

export function interpolate(lang: Lang, template: string, values: Values = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    // the matching brace, so that a plural branch may hold placeholders: {n|ce membre|ces {n} membres}
    let depth = 0;
    let close = -1;
    for (let j = open; j < template.length; j++) {
      if (template[j] === '{') depth++;
      else if (template[j] === '}' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0) break;
    out += template.slice(i, open) + placeholder(lang, template.slice(open + 1, close), values);
    i = close + 1;
  }
  return out + template.slice(i);
}

function placeholder(lang: Lang, body: string, values: Values): string {
  const bar = body.indexOf('|');
  const head = bar < 0 ? body : body.slice(0, bar);
  const percent = head.endsWith('%');
  const name = percent ? head.slice(0, -1) : head;
  const v = values[name];
  if (v === undefined || !/^[A-Za-z0-9_]+$/.test(name)) return `{${body}}`;
  if (bar >= 0) {
    const rest = body.slice(bar + 1);
    // split "one|other" at the first bar outside nested braces
    let depth = 0;
    let split = -1;
    for (let j = 0; j < rest.length; j++) {
      if (rest[j] === '{') depth++;
      else if (rest[j] === '}') depth--;
      else if (rest[j] === '|' && depth === 0) {
        split = j;
        break;
      }
    }
    const one = split < 0 ? rest : rest.slice(0, split);
    const other = split < 0 ? rest : rest.slice(split + 1);
    const n = typeof v === 'number' ? v : Number(v);
    return interpolate(lang, plural(lang, n) === 'one' ? one : other, values);
  }
  if (percent) return typeof v === 'number' ? formatPercent(lang, v) : String(v);
  return typeof v === 'number' ? formatNumber(lang, v, Number.isInteger(v) ? 0 : 1) : v;
}
