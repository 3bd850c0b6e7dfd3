/**
 * Exports that are one JSON document (DiscordChatExporter, Telegram, Slack day files,
 * Discourse, YouTube) are parsed whole: their structure (a header, then a messages array)
 * gives nothing to stream line by line. Memory then grows with the file, so a document
 * larger than MAX_JSON_BYTES is refused with a message that says how to split it; exports
 * of that size come in parts anyway (DiscordChatExporter `--partition`, one Slack file per day).
 */
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { type Input, decode, detectEncoding } from './read.js';

export const MAX_JSON_BYTES = 256 * 1024 * 1024;

export interface JsonOptions {
  /** Telegram writes control characters as `\xHH`, which is not JSON: rewrite them as `\u00HH` */
  fixHexEscapes?: boolean;
}

/** `\\` pairs are skipped so that an escaped backslash followed by `x41` stays as it is. */
export function fixHexEscapes(text: string): string {
  return text.replace(/\\(\\|x([0-9a-fA-F]{2}))/g, (whole, _c: string, hex: string | undefined) => (hex ? '\\u00' + hex : whole));
}

export async function readJsonDocument(input: Input, options: JsonOptions = {}): Promise<unknown> {
  const tooLarge = () => new InputError(msg('error.jsonTooLarge', { file: input.label, max: Math.round(MAX_JSON_BYTES / 1024 / 1024) }));
  if (input.size !== null && input.size > MAX_JSON_BYTES) throw tooLarge();
  const parts: string[] = [];
  let length = 0;
  for await (const s of decode(input.bytes(), detectEncoding(input.head))) {
    length += s.length;
    if (length > MAX_JSON_BYTES) throw tooLarge();
    parts.push(s);
  }
  let text = parts.join('');
  parts.length = 0;
  if (options.fixHexEscapes && text.includes('\\x')) text = fixHexEscapes(text);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = (error as Error).message ?? String(error);
    // an export cut short fails at its very end: say so, it is the usual cause
    const at = /position (\d+)/.exec(reason);
    const cut = /end of (json )?input|unterminated/i.test(reason) || (at !== null && Number(at[1]) >= text.trimEnd().length - 1);
    throw new InputError(msg(cut ? 'error.jsonTruncated' : 'error.jsonInvalid', { file: input.label, reason: reason.slice(0, 160) }));
  }
}

/** A property of an object, when it is one. */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined;
}

export function num(x: unknown): number | undefined {
  if (typeof x === 'number') return Number.isFinite(x) ? x : undefined;
  if (typeof x === 'string' && x.trim() !== '') {
    const n = Number(x);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** The keys of a JSON value, for messages that say what was found. */
export function describeShape(x: unknown): string {
  if (Array.isArray(x)) return x.length === 0 ? 'an empty array' : `an array of ${x.length} (first: ${describeShape(x[0])})`;
  if (isObject(x)) {
    const keys = Object.keys(x).slice(0, 8);
    return `{${keys.join(', ')}${Object.keys(x).length > 8 ? ', …' : ''}}`;
  }
  return typeof x;
}
