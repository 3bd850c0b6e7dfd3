/**
 * Which accounts are the brand's (DESIGN §3): `--brand`, else the staff roles an export or
 * the member file gives, else detected from the messages and said so in the report. With
 * several platforms in one audit, each platform is read on its own.
 */
import type { Author, BrandInfo, LoadIssue, Member, MessageColumns, Thread } from '../model/dataset.js';
import { normalizeName } from './text.js';

/** Below this, no account stands out enough from the others to be taken for the brand. */
export const MIN_BRAND_CERTAINTY = 0.2;

const STAFF_ROLES = new Set(['owner', 'admin', 'moderator', 'staff']);

/** DESIGN §3: --brand, else the member file's roles, else detected and said so. */
export function chooseBrand(msg: MessageColumns, threads: Thread[], authors: Author[], members: Member[], named: string[], issues: LoadIssue[]): BrandInfo {
  if (named.length > 0) {
    const wanted = named.map(normalizeName);
    const found = authors.flatMap((a, i) => (wanted.includes(normalizeName(a.key)) || wanted.includes(normalizeName(a.name)) ? [i] : []));
    const missing = named.filter((w) => !authors.some((a) => normalizeName(a.key) === normalizeName(w) || normalizeName(a.name) === normalizeName(w)));
    for (const m of missing) issues.push({ code: 'brand-not-found', values: { name: m } });
    return { method: 'option', authors: found, certainty: 1 };
  }
  const staff = [...new Set(members.filter((m) => STAFF_ROLES.has(m.role) && m.author !== undefined).map((m) => m.author!))].sort((a, b) => a - b);
  if (msg.count === 0) return staff.length > 0 ? { method: 'roles', authors: staff, certainty: 1 } : { method: 'none', authors: [], certainty: 0 };

  // Several platforms in one audit (an Instagram export and a WhatsApp group): each has its
  // own brand account, or none. One account chosen for all would leave the founder of the
  // group counted as a member, answering "members" on the other platform. Roles count
  // where the export gives them; the other platforms are detected one by one.
  const platforms = [...new Set(authors.map((a) => a.platform))];
  if (platforms.length < 2) return staff.length > 0 ? { method: 'roles', authors: staff, certainty: 1 } : detectBrand(msg, threads, () => true);
  const messagesOn = new Map<string, number>();
  for (let k = 0; k < msg.count; k++) {
    const p = authors[msg.author[k]!]!.platform;
    messagesOn.set(p, (messagesOn.get(p) ?? 0) + 1);
  }
  const staffed = new Set(staff.map((a) => authors[a]!.platform));
  // the platform with the most messages first: its way of detecting names the method
  const order = [...messagesOn].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([p]) => p);
  const found = order.filter((p) => !staffed.has(p)).map((p) => detectBrand(msg, threads, (a) => authors[a]!.platform === p)).filter((b) => b.authors.length > 0);
  const detected = found.flatMap((b) => b.authors).sort((a, b) => a - b);
  // as sure as the least clear of them
  const certainty = found.length > 0 ? Math.min(...found.map((b) => b.certainty)) : 1;
  if (staff.length > 0) {
    return detected.length > 0 ? { method: 'roles', authors: [...staff, ...detected].sort((a, b) => a - b), certainty, assumed: detected } : { method: 'roles', authors: staff, certainty: 1 };
  }
  if (found.length === 0) return { method: 'none', authors: [], certainty: 0 };
  return { method: found[0]!.method, authors: detected, certainty };
}

/** The detected brand among the authors `on` accepts (one platform, or all): DESIGN §3. */
function detectBrand(msg: MessageColumns, threads: Thread[], on: (author: number) => boolean): BrandInfo {
  // chats and forums: the account that starts most threads with answers
  const startsByAuthor = new Map<number, number>();
  // a thread is here when one of its messages is (its root may not be exported)
  const here = new Uint8Array(threads.length);
  for (let k = 0; k < msg.count; k++) if (msg.thread[k]! >= 0 && on(msg.author[k]!)) here[msg.thread[k]!] = 1;
  let rootsInData = 0;
  let threadsHere = 0;
  for (let i = 0; i < threads.length; i++) {
    const t = threads[i]!;
    if (!here[i]) continue;
    threadsHere++;
    if (t.root < 0) continue;
    const a = msg.author[t.root]!;
    rootsInData++;
    startsByAuthor.set(a, (startsByAuthor.get(a) ?? 0) + 1);
  }
  if (rootsInData >= Math.max(3, threadsHere / 2)) {
    const ranked = [...startsByAuthor].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const [top, second] = ranked;
    if (top) {
      const certainty = round2(Math.min(1, (top[1] - (second?.[1] ?? 0)) / Math.max(1, top[1])));
      if (certainty >= MIN_BRAND_CERTAINTY) return { method: 'detected-threads', authors: [top[0]], certainty };
    }
  }
  // comments under posts that are not exported: the account answering the most distinct people
  const answered = new Map<number, Set<number>>();
  for (let k = 0; k < msg.count; k++) {
    const p = msg.parent[k]!;
    if (p < 0) continue;
    const a = msg.author[k]!;
    const to = msg.author[p]!;
    if (a === to || !on(a)) continue;
    let set = answered.get(a);
    if (!set) answered.set(a, (set = new Set()));
    set.add(to);
  }
  const ranked = [...answered].map(([a, s]) => [a, s.size] as const).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const [top, second] = ranked;
  if (!top || top[1] < 2) return { method: 'none', authors: [], certainty: 0 };
  const certainty = round2(Math.min(1, (top[1] - (second?.[1] ?? 0)) / Math.max(1, top[1])));
  // a group of peers has no account that stands out: better no brand than a guessed one
  if (certainty < MIN_BRAND_CERTAINTY) return { method: 'none', authors: [], certainty: 0 };
  return { method: 'detected-answers', authors: [top[0]], certainty };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

