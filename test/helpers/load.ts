/** Loads fixtures the way the CLI does (files, zips, folders) and describes the replies found. */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type LoadOptions, loadDataset, openPath } from '../../src/load/index.js';
import { REPLY_KINDS, type Dataset } from '../../src/model/dataset.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));
export const SAMPLES = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));

export async function load(paths: string[], options: Partial<LoadOptions> = {}, members?: string): Promise<Dataset> {
  const items = await Promise.all(paths.map((p) => openPath(p)));
  return loadDataset(items, { map: {}, lang: 'en', ...options }, members ? await openPath(members) : undefined);
}

export interface Reply {
  /** the message's id */
  id: string;
  author: string;
  /** the id and author of the message answered */
  to: string;
  toAuthor: string;
  kind: string;
}

export function replies(ds: Dataset): Reply[] {
  const m = ds.messages;
  const out: Reply[] = [];
  for (let k = 0; k < m.count; k++) {
    const p = m.parent[k]!;
    if (p < 0) continue;
    out.push({ id: ds.messageId(k), author: ds.authors[m.author[k]!]!.name, to: ds.messageId(p), toAuthor: ds.authors[m.author[p]!]!.name, kind: REPLY_KINDS[m.replyKind[k]!]! });
  }
  return out;
}

/** "author → author (kind)" lines, in message order: easy to read in a failing test. */
export function replyLines(ds: Dataset): string[] {
  return replies(ds).map((r) => `${r.author} → ${r.toAuthor} (${r.kind})`);
}

export function authorNames(ds: Dataset): string[] {
  return ds.authors.map((a) => a.name).sort();
}

/** The index of the message whose excerpt starts with `text`. */
export function find(ds: Dataset, text: string): number {
  for (let k = 0; k < ds.messages.count; k++) if (ds.excerpt(k).startsWith(text)) return k;
  throw new Error(`no message starts with "${text}"`);
}

/** Whom the message starting with `text` answers: "author: excerpt start (kind)", or null. */
export function answers(ds: Dataset, text: string): string | null {
  const k = find(ds, text);
  const p = ds.messages.parent[k]!;
  if (p < 0) return null;
  return `${ds.authors[ds.messages.author[p]!]!.name}: ${ds.excerpt(p).slice(0, 30).trimEnd()} (${REPLY_KINDS[ds.messages.replyKind[k]!]})`;
}

/** The InputError a load rejects with (the test fails if it resolves or throws anything else). */
export async function inputError(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}
