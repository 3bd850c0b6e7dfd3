/** Option parsing shared by the commands. */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { type Lang, langFromEnv, msg } from '../i18n/index.js';

export const MAP_FIELDS = ['id', 'author', 'authorId', 'date', 'text', 'parent', 'post', 'reactions', 'platform', 'channel', 'role'];

export function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** --lang wins, then LC_ALL / LC_MESSAGES / LANG. Read before parsing so that parse errors speak the user's language. */
export function earlyLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'fr' || v === 'en' ? v : langFromEnv(env);
}

export function parseDate(option: string, value: string, endOfDay: boolean): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  const t0 = m ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : NaN;
  if (Number.isNaN(t0)) throw new InputError(msg('error.badDate', { option, value }));
  return value.length === 10 && endOfDay ? t0 + 24 * 3600 * 1000 - 1 : t0;
}

export function parseMap(values: string[]): Record<string, string> {
  const map: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const v of values) {
    const eq = v.indexOf('=');
    const field = eq > 0 ? v.slice(0, eq).trim() : '';
    if (!MAP_FIELDS.includes(field)) throw new InputError(msg('error.badMap', { fields: MAP_FIELDS.join(', '), value: v }));
    map[field] = v.slice(eq + 1).trim();
  }
  return map;
}

