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
  return template.replace(/\{([A-Za-z0-9_]+)(%|\|[^|}]*\|[^}]*)?\}/g, (whole, name: string, mod: string | undefined) => {
    const v = values[name];
    if (v === undefined) return whole;
    if (mod === '%') return typeof v === 'number' ? formatPercent(lang, v) : String(v);
    if (mod?.startsWith('|')) {
      const [, one, other] = mod.split('|');
      const n = typeof v === 'number' ? v : Number(v);
      return plural(lang, n) === 'one' ? (one ?? '') : (other ?? '');
    }
    return typeof v === 'number' ? formatNumber(lang, v, Number.isInteger(v) ? 0 : 1) : v;
  });
}
