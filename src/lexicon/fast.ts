/**
 * The lexicon's fast path: the flags the definition in `index.ts` computes (normalize, word
 * form, regexes), in one pass over a text's code units with table lookups and no string
 * built. The definition costs ~5 µs a message on the benchmark's texts; this, ~0.6 µs.
 *
 * 1. **Characters.** Each of the first `maxScan` UTF-16 code units is looked up in a table
 *    that says what the definition's normalization makes of it (lower case, accents dropped,
 *    typographic apostrophes and spaces made plain, œ → oe), whether it is a word-form
 *    separator, and its symbol for the automaton. The table is learnt from the definition
 *    itself, the first time a character is met: its normalizeText run on that character
 *    alone. That is exact for a whole text only if normalizing a text is normalizing its
 *    characters one by one. It is for a character whose canonical decomposition, once
 *    U+0300–U+036F are removed, is made of "starters" (combining class 0: no mark can be
 *    reordered across them), and which is not Σ (its lower case depends on what follows).
 *    Any other character (a combining mark outside U+0300–U+036F, a lone surrogate, NUL, an
 *    astral character outside plane 1 or that the definition changes) is "not covered": the
 *    message goes to the definition whole.
 * 2. **Phrases.** Every phrase of every list is in one Aho–Corasick automaton with a full
 *    transition table: one lookup per unit finds every phrase ending there. Word boundaries
 *    are built in (see Automaton), and a run of separators is one space, as in the word
 *    form. The definition's single alternation tries every word start, takes the longest
 *    phrase there and the flags of the shorter phrases it starts with: every phrase found at
 *    a word start and followed by a boundary, which is what the automaton reports.
 * 3. **Opening, URLs, "?".** The word form is written, lazily, only as far as the steps of
 *    the definition's openingOf read it, and only for a message without "?". URL prefixes
 *    and invite domains are patterns of the automaton too, as candidates: only a text holding
 *    one is normalized into a buffer where the definition's URL, dotted-name, invite-link and
 *    "?"-outside-URLs tests are replayed.
 *
 * Every step is linear in the scanned length (the automaton's transitions are precomputed).
 */

export interface MatcherSpec {
  /** how many UTF-16 code units of a text are read */
  maxScan: number;
  /** the reference normalization (lower case, no accents…), applied here to one character at a time */
  normalize(text: string): string;
  /** every phrase (word form) with its flags */
  phrases: ReadonlyMap<string, number>;
  openings: readonly string[];
  notOpenings: readonly string[];
  greetings: readonly string[];
  greetingTails: readonly string[];
  /** literal invite domains, found anywhere in the normalized text after a character outside [a-z0-9-] */
  inviteLinks: readonly string[];
  /** the flags of a message from what was found: the reference ends with the same function */
  combine(found: number, asks: boolean, url: boolean, invite: boolean): number;
}

export interface FastClassifier {
  /** The flags of a text, or -1 when a character is not covered (then use the reference). */
  text(text: string): number;
  /**
   * The flags of a UTF-8 field, `"" → "` undone when `escaped`, without decoding it to a
   * string; -1 when the bytes are not well-formed UTF-8 or a character is not covered.
   */
  utf8(bytes: Uint8Array, start: number, end: number, escaped: boolean): number;
  /** The fold's outputs as strings (for tests): the reference's normalizeText and wordForm, or null when not covered. */
  fold(text: string): { base: string; words: string } | null;
}

// Properties of a code unit (the UNIT table).
/** a word-form separator: [\s'\-_\u2010-\u2014] */
const SEP = 1;
/** \s: ends a URL */
const SPACE = 2;
/** [A-Za-z0-9_]: a word character for the regexes' `\b` */
const WORD = 4;
/** [\p{L}\p{N}@] on one code unit: what openingOf does not skip */
const LETTER = 8;
/** ? ¿ ？ */
const QMARK = 16;

/*
 * INFO[u], for an input code unit u whose output is one code unit o (the common case), is
 * o | flags | symbol << SYM_SHIFT, a positive number. Zero or less goes through the slow
 * branch: not learnt yet, not covered, a surrogate, or several output units (or none) kept
 * in EXTRA.
 */
const I_SEP_SHIFT = 16;
const I_SEP = 1 << I_SEP_SHIFT;
const I_QMARK = 1 << 17;
const I_KNOWN = 1 << 18;
const SYM_SHIFT = 24;
const UNLEARNT = 0;
const NOT_COVERED = -1;
const SURROGATE = -2;
/** -(MULTI_BASE + (start << 3 | length)): the outputs are EXTRA[start, start + length) */
const MULTI_BASE = 3;
/** an input unit gives at most this many output units (more: not covered) */
const MAX_OUT = 4;

/** Flags of the candidate phrases (above every flag of the lists, below theirs at 29 and 30). */
const MAY_URL = 1 << 27;
const MAY_INVITE = 1 << 28;
const CANDIDATES = MAY_URL | MAY_INVITE;
/** Where a URL may start: the reference's /https?:\/\/|www\./, without what follows. */
const URL_STARTS = ['http', 'https', 'www'];

const AT = 0x40;
const SPACE_CHAR = 0x20;

/** A trie of literal phrases (openings, greetings, invite domains), walked from one position. */
interface Trie {
  /** child of node k for symbol s: next[k * width + s]; 0 = none (the root is never a child) */
  next: Int32Array;
  width: number;
  /** symbol of an ASCII code unit, -1 outside the trie's alphabet */
  sym: Int8Array;
  /** phrase length + 1 at a node where a phrase ends, else 0 */
  end: Int32Array;
}

function buildTrie(list: readonly string[]): Trie {
  const alphabet = [...new Set(list.flatMap((p) => [...p]))].sort();
  const sym = new Int8Array(128).fill(-1);
  alphabet.forEach((c, i) => (sym[c.charCodeAt(0)] = i));
  const width = alphabet.length;
  const size = list.reduce((n, p) => n + p.length, 1);
  const next = new Int32Array(size * width);
  const end = new Int32Array(size);
  let nodes = 1;
  for (const p of list) {
    let k = 0;
    for (let i = 0; i < p.length; i++) {
      const at = k * width + sym[p.charCodeAt(i)]!;
      if (next[at] === 0) next[at] = nodes++;
      k = next[at]!;
    }
    end[k] = p.length + 1;
  }
  return { next, width, sym, end };
}

interface Pattern {
  text: string;
  flags: number;
  /** false: only at a word start (the phrases); true: anywhere (the URL candidates) */
  anywhere: boolean;
}

/**
 * The automaton: a full transition table over symbols (the word characters the patterns
 * use, any other word character, the non-word characters they use, any other character).
 * A step is one lookup; a state is a row of 32 two-byte entries (64 bytes).
 *
 * Word boundaries are built in. Each non-word character is read as itself followed by a
 * virtual boundary symbol β, and the text starts after a β; a phrase is put in the automaton
 * with a β before it and after each of its spaces or dots ("je galere" is "βje βgalere"), so
 * it can only be found at a word start (a URL candidate, found anywhere, has no β). At its end, the phrase is reported when the next
 * character is not a word character (its transition is marked), or at the end of the text.
 */
interface Automaton {
  /**
   * next[(state << shift) + symbol]: the next state, | FIRE when phrases end at this state
   * and the symbol is not a word character (a row is 2^shift entries: 32 today)
   */
  next: Uint16Array;
  shift: number;
  /** per state: the flags of the phrases that end there */
  flags: Int32Array;
  /** the state where a text starts (after a β) */
  start: number;
  /** symbol per ASCII code unit; every other unit is `other` */
  sym: Uint8Array;
  space: number;
  other: number;
}

/** The bit of a transition that reports the phrases ending at the state it leaves. */
const FIRE = 0x8000;

function buildAutomaton(patterns: readonly Pattern[]): Automaton {
  const chars = [...new Set(patterns.flatMap((p) => [...p.text]))].sort();
  const isWord = (c: string) => /\w/.test(c);
  const letters = chars.filter(isWord);
  const marks = chars.filter((c) => !isWord(c));
  const otherWord = letters.length;
  const lastWord = otherWord;
  const other = otherWord + 1 + marks.length;
  const beta = other + 1;
  const symbols = beta + 1;
  const sym = new Uint8Array(128).fill(other);
  for (let u = 0; u < 128; u++) if (isWord(String.fromCharCode(u))) sym[u] = otherWord;
  letters.forEach((c, i) => (sym[c.charCodeAt(0)] = i));
  marks.forEach((c, i) => (sym[c.charCodeAt(0)] = otherWord + 1 + i));
  const space = sym[SPACE_CHAR]!;
  if (space === other) throw new Error('lexicon: no phrase has a space');
  // the trie of the patterns, written with their β (typed arrays: this runs at every start)
  const seqs = patterns.map((p) => {
    const seq: number[] = p.anywhere ? [] : [beta];
    for (const c of p.text) {
      seq.push(sym[c.charCodeAt(0)]!);
      if (!p.anywhere && sym[c.charCodeAt(0)]! > lastWord) seq.push(beta);
    }
    return seq;
  });
  const most = seqs.reduce((n, seq) => n + seq.length, 1);
  const child = new Int32Array(most * symbols); // 0: none (the root is nobody's child)
  const own = new Int32Array(most);
  let states = 1;
  seqs.forEach((seq, i) => {
    let k = 0;
    for (const s of seq) {
      if (child[k * symbols + s] === 0) child[k * symbols + s] = states++;
      k = child[k * symbols + s]!;
    }
    own[k]! |= patterns[i]!.flags;
  });
  // breadth first: failure links, every transition, flags inherited along failure links
  const delta = new Int32Array(states * symbols);
  const fail = new Int32Array(states);
  const flags = new Int32Array(states);
  const queue = new Int32Array(states);
  let queued = 0;
  for (let s = 0; s < symbols; s++) {
    const c = child[s]!;
    delta[s] = c;
    if (c !== 0) queue[queued++] = c;
  }
  for (let q = 0; q < queued; q++) {
    const k = queue[q]!;
    flags[k] = own[k]! | flags[fail[k]!]!;
    for (let s = 0; s < symbols; s++) {
      const c = child[k * symbols + s]!;
      if (c === 0) delta[k * symbols + s] = delta[fail[k]! * symbols + s]!;
      else {
        delta[k * symbols + s] = c;
        fail[c] = delta[fail[k]! * symbols + s]!;
        queue[queued++] = c;
      }
    }
  }
  // what a real character does: a non-word one is followed by β
  for (let k = 0; k < states; k++) {
    for (let s = lastWord + 1; s < beta; s++) delta[k * symbols + s] = delta[delta[k * symbols + s]! * symbols + beta]!;
  }
  // a run of separators is one space: after "… β" reached by a space, another space changes
  // nothing (no phrase has two spaces in a row; at the root β, a space already stays there)
  for (let k = 0; k < states; k++) {
    const t = delta[k * symbols + space]!;
    delta[t * symbols + space] = t;
  }
  // states numbered in breadth-first order: the shallow ones, where most characters lead, are close
  if (states > FIRE) throw new Error('lexicon: too many phrases for the automaton');
  const rank = new Int32Array(states);
  for (let q = 0; q < queued; q++) rank[queue[q]!] = q + 1;
  let shift = 0;
  while (1 << shift < beta) shift++;
  const next = new Uint16Array(states << shift);
  const stateFlags = new Int32Array(states);
  for (let k = 0; k < states; k++) {
    const row = rank[k]! << shift;
    const fire = flags[k] !== 0 ? FIRE : 0;
    for (let s = 0; s <= lastWord; s++) next[row + s] = rank[delta[k * symbols + s]!]!;
    for (let s = lastWord + 1; s < beta; s++) next[row + s] = rank[delta[k * symbols + s]!]! | fire;
    stateFlags[rank[k]!] = flags[k]!;
  }
  return { next, shift, flags: stateFlags, start: rank[delta[beta]!]!, sym, space, other };
}

/** The phrases of the word lists are words of [a-z0-9] joined by single spaces: the matching relies on it. */
function checkPhrases(list: Iterable<string>, what: string): void {
  for (const p of list) if (!/^[a-z0-9]+(?: [a-z0-9]+)*$/.test(p) || p.length >= 80) throw new Error(`lexicon: ${what} phrase "${p}" is not in word form`);
}

function unitProps(unit: number): number {
  const c = String.fromCharCode(unit);
  let p = 0;
  if (/[\s'\-_\u2010-\u2014]/.test(c)) p |= SEP;
  if (/\s/.test(c)) p |= SPACE;
  if (/\w/.test(c)) p |= WORD;
  if (/[\p{L}\p{N}@]/u.test(c)) p |= LETTER;
  if (c === '?' || c === '¿' || c === '？') p |= QMARK;
  return p;
}

/**
 * A character with canonical combining class 0: no mark can be reordered across it. A mark
 * of class k > 1 moves before U+0334 (class 1); a mark of class 1 moves after U+0345 (240).
 */
function isStarter(c: string): boolean {
  const d = c.normalize('NFD');
  return (c + '\u0334').normalize('NFD') === d + '\u0334' && ('\u0345' + c).normalize('NFD') === '\u0345' + d;
}

/** The part of an invite domain before its last non-word character: in the word form, it is followed by one. */
function inviteCandidate(domain: string): string {
  if (!/^[a-z0-9./-]+$/.test(domain)) throw new Error(`lexicon: invite domain "${domain}" is not lower-case ASCII`);
  let j = domain.length - 1;
  while (j > 0 && /\w/.test(domain[j]!)) j--;
  const c = domain.slice(0, j);
  if (!/^[a-z0-9][a-z0-9.]*$/.test(c) || /\w/.test(domain[j]!)) throw new Error(`lexicon: invite domain "${domain}" has no dot or slash`);
  return c;
}

export function createFastClassifier(spec: MatcherSpec): FastClassifier {
  const maxScan = spec.maxScan;
  checkPhrases(spec.phrases.keys(), 'lexicon');
  for (const list of [spec.openings, spec.notOpenings, spec.greetings, spec.greetingTails]) checkPhrases(list, 'opening');
  for (const f of spec.phrases.values()) if (f & CANDIDATES) throw new Error('lexicon: a phrase flag collides with the candidates');
  const ac = buildAutomaton([
    ...[...spec.phrases].map(([text, flags]) => ({ text, flags, anywhere: false })),
    ...URL_STARTS.map((text) => ({ text, flags: MAY_URL, anywhere: true })),
    ...spec.inviteLinks.map((d) => ({ text: inviteCandidate(d), flags: MAY_INVITE, anywhere: false })),
  ]);
  const openings = buildTrie(spec.openings);
  const notOpenings = buildTrie(spec.notOpenings);
  const greetings = buildTrie(spec.greetings);
  const greetingTails = buildTrie(spec.greetingTails);
  const invites = buildTrie(spec.inviteLinks);

  const INFO = new Int32Array(0x10000);
  /** properties of every code unit met (ASCII and surrogates from the start) */
  const UNIT = new Uint8Array(0x10000);
  /** INFO entries of multi-unit outputs; [0, 2) is where a surrogate pair goes */
  const EXTRA = new Int32Array(0x10000);
  let extraUsed = 2;
  /** plane 1 (emojis): 0 unlearnt, 1 covered (the output is the pair itself), 2 not covered */
  const ASTRAL = new Uint8Array(0x10000);
  for (let u = 0; u < 0x80; u++) UNIT[u] = unitProps(u);
  // a lone half of a pair is nothing to the regexes: not a space, not a letter
  UNIT.fill(unitProps(0xd800), 0xd800, 0xe000);
  INFO.fill(SURROGATE, 0xd800, 0xe000);

  /** The entry of one output unit: itself, its flags, its symbol (a separator is a space). */
  function entry(o: number): number {
    const p = UNIT[o]!;
    const s = p & SEP ? ac.space : o < 0x80 ? ac.sym[o]! : ac.other;
    return o | I_KNOWN | (p & SEP ? I_SEP : 0) | (p & QMARK ? I_QMARK : 0) | (s << SYM_SHIFT);
  }
  const surrogateEntry = (u: number): number => u | I_KNOWN | (ac.other << SYM_SHIFT);

  /** What the reference makes of one character, as an INFO entry, learnt the first time it is met. */
  function learn(u: number): number {
    const c = String.fromCharCode(u);
    const decomposed = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const out = spec.normalize(c);
    // NUL marks the end of the word form here: a text holding one goes to the reference
    let covered = u !== 0 && !decomposed.includes('\u03a3') && out.length <= MAX_OUT && (out.length === 1 || extraUsed + out.length <= EXTRA.length);
    for (const d of decomposed) if (d.length !== 1 || !isStarter(d)) covered = false;
    for (let k = 0; k < out.length; k++) if (out.charCodeAt(k) >= 0xd800 && out.charCodeAt(k) < 0xe000) covered = false;
    if (!covered) return (INFO[u] = NOT_COVERED);
    for (let k = 0; k < out.length; k++) {
      const o = out.charCodeAt(k);
      if (o >= 0x80) UNIT[o] = unitProps(o);
    }
    if (out.length === 1) return (INFO[u] = entry(out.charCodeAt(0)));
    const start = extraUsed;
    for (let k = 0; k < out.length; k++) EXTRA[extraUsed++] = entry(out.charCodeAt(k));
    return (INFO[u] = -(MULTI_BASE + ((start << 3) | out.length)));
  }
  for (let u = 0; u < 0x80; u++) learn(u);

  /** An astral character is covered when the reference leaves it as it is and nothing reorders around it. */
  function astralCovered(cp: number): boolean {
    if (cp >= 0x20000) return false;
    let a = ASTRAL[cp - 0x10000]!;
    if (a === 0) {
      const c = String.fromCodePoint(cp);
      a = spec.normalize(c) === c && isStarter(c) ? 1 : 2;
      ASTRAL[cp - 0x10000] = a;
    }
    return a === 1;
  }

  // reused from one message to the next: the input units (a view on a Buffer, which
  // `write(…, 'utf16le')` fills natively), the word form (+2: a speculative write, then a 0
  // after the end), the normalized text
  const unitBytes = Buffer.alloc(maxScan * 2);
  const units = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, maxScan);
  const nativeOrder = (unitBytes.write('\u0102', 0, 2, 'utf16le'), units[0] === 0x0102);
  const words = new Uint16Array(maxScan * MAX_OUT + 2);
  const base = new Uint16Array(maxScan * MAX_OUT);
  let nUnits = 0;
  let nBase = 0;
  let notes = 0;
  let found = 0;

  /**
   * Runs the automaton over the normalized units[0, n): `found` gets the flags of every
   * phrase between word boundaries (and the candidates), `notes` whether a "?" was seen.
   * False when a unit is not covered.
   */
  function scan(n: number): boolean {
    // locals: the closure's tables would otherwise be read from its context at every unit
    const info_ = INFO;
    const units_ = units;
    const next = ac.next;
    const extra = EXTRA;
    const stateFlags = ac.flags;
    const shift = ac.shift;
    let seen = 0;
    let state = ac.start;
    let flags = 0;
    for (let i = 0; i < n; i++) {
      const u = units_[i]!;
      let info = info_[u]!;
      if (info === UNLEARNT) info = learn(u);
      if (info <= 0) {
        if (info === NOT_COVERED) return false;
        // a surrogate pair, or a character that gives several units (or none): the same step
        // as below, for each unit
        let from: number;
        let to: number;
        if (info === SURROGATE) {
          // a pair from plane 1 that the reference leaves alone (emojis): copied as it is
          const lo = i + 1 < n ? units_[i + 1]! : 0;
          if (u >= 0xdc00 || lo < 0xdc00 || lo > 0xdfff) return false;
          const cp = ((u - 0xd800) << 10) + (lo - 0xdc00);
          if (cp >= 0x10000 || (ASTRAL[cp] !== 1 && !astralCovered(cp + 0x10000))) return false;
          extra[0] = surrogateEntry(u);
          extra[1] = surrogateEntry(lo);
          from = 0;
          to = 2;
          i++;
        } else {
          const m = -info - MULTI_BASE;
          from = m >> 3;
          to = from + (m & 7);
        }
        for (let k = from; k < to; k++) {
          const e = extra[k]!;
          const to = next[(state << shift) + (e >>> SYM_SHIFT)]!;
          if (to & FIRE) flags |= stateFlags[state]!;
          state = to & ~FIRE;
          seen |= e;
        }
        continue;
      }
      const to = next[(state << shift) + (info >>> SYM_SHIFT)]!;
      // phrases end at this state, and this unit is not a word character: they count
      if (to & FIRE) flags |= stateFlags[state]!;
      state = to & ~FIRE;
      seen |= info;
    }
    nUnits = n;
    notes = seen;
    found = flags | ac.flags[state]!;
    return true;
  }

  // The word form, made only as far as openingOf reads it (the start of most messages).
  let nw = 0;
  let wi = 0;
  let wq = 0;
  let wqEnd = 0;
  let wSpace = 0;

  function resetWords(): void {
    nw = 0;
    wi = 0;
    wq = 0;
    wqEnd = 0;
    wSpace = 0;
  }

  /** Writes the word form until it holds more than `k` units, or all of it (then words[nw] is 0). */
  function wordsPast(k: number): void {
    while (nw <= k) {
      let info: number;
      if (wq < wqEnd) info = EXTRA[wq++]!;
      else {
        if (wi >= nUnits) {
          words[nw] = 0;
          return;
        }
        const u = units[wi++]!;
        info = INFO[u]!;
        if (info === SURROGATE) info = surrogateEntry(u);
        else if (info < 0) {
          // several units (scan has checked every unit is covered)
          const m = -info - MULTI_BASE;
          wq = m >> 3;
          wqEnd = wq + (m & 7);
          continue;
        }
      }
      // a run of separators is one space, and none at either end
      const sep = (info >>> I_SEP_SHIFT) & 1;
      const keep = sep ^ 1;
      words[nw] = SPACE_CHAR;
      nw += wSpace & keep;
      words[nw] = info & 0xffff;
      nw += keep;
      wSpace = sep & (-nw >>> 31);
    }
  }

  const isWordUnit = (u: number): boolean => u < 0x80 && (UNIT[u]! & WORD) !== 0;

  /** The word form's unit at k (0 past its end). */
  function wordAt(k: number): number {
    if (k >= nw) wordsPast(k);
    return k < nw ? words[k]! : 0;
  }

  /** The normalized text (the reference's normalizeText), for the few texts that may hold a URL or an invite. */
  function fillBase(): void {
    let nb = 0;
    for (let i = 0; i < nUnits; i++) {
      const u = units[i]!;
      const info = INFO[u]!;
      if (info > 0) base[nb++] = info & 0xffff;
      else if (info === SURROGATE) base[nb++] = u;
      else {
        const m = -info - MULTI_BASE;
        for (let k = m >> 3; k < (m >> 3) + (m & 7); k++) base[nb++] = EXTRA[k]! & 0xffff;
      }
    }
    nBase = nb;
  }

  /** Length of the longest phrase of `trie` at `p` of the word form followed by a word boundary, or -1 (the reference's `^(?:…)\b`). */
  function longestAt(trie: Trie, p: number): number {
    const { next, width, sym, end } = trie;
    let best = -1;
    let k = 0;
    for (let j = p; ; j++) {
      const u = wordAt(j); // 0 after the end: not a word character, no symbol
      if (end[k] !== 0 && !isWordUnit(u)) best = end[k]! - 1;
      const s = u < 0x80 ? sym[u]! : -1;
      if (s < 0) break;
      k = next[k * width + s]!;
      if (k === 0) break;
    }
    return best;
  }

  /** Where the opening starts in the word form: the reference's openingOf, on indexes. */
  function openingAt(): number {
    let s = 0;
    for (let guard = 0; guard < 6; guard++) {
      let i = 0;
      while (i < 40 && wordAt(s + i) !== 0 && (UNIT[wordAt(s + i)]! & LETTER) === 0) i++;
      s += i;
      if (wordAt(s) === AT) {
        let k = s;
        while (wordAt(k) !== 0 && wordAt(k) !== SPACE_CHAR) k++;
        s = wordAt(k) === 0 ? k : k + 1;
        continue;
      }
      const g = longestAt(greetings, s);
      if (g >= 0) {
        s += g;
        while ((UNIT[wordAt(s)]! & SPACE) !== 0) s++;
        const tail = longestAt(greetingTails, s);
        if (tail >= 0) s += tail;
        else {
          // "Bonjour Claire, …": a name of up to three words before a comma or "!"
          let stop = s;
          let spaces = 0;
          while (stop < s + 32 && wordAt(stop) !== 0 && !isStop(wordAt(stop))) if (wordAt(stop++) === SPACE_CHAR) spaces++;
          if (stop < s + 32 && wordAt(stop) !== 0 && stop > s && spaces <= 2) s = stop + 1;
        }
        continue;
      }
      break;
    }
    return s;
  }

  /** In `base`: the length of a URL prefix at i (http://, https://, www.), or 0. */
  function urlPrefix(i: number): number {
    const n = nBase;
    const u = base[i];
    if (u === 0x77) return i + 3 < n && base[i + 1] === 0x77 && base[i + 2] === 0x77 && base[i + 3] === 0x2e ? 4 : 0;
    if (u !== 0x68 || i + 6 >= n || base[i + 1] !== 0x74 || base[i + 2] !== 0x74 || base[i + 3] !== 0x70) return 0;
    const j = base[i + 4] === 0x73 ? i + 5 : i + 4;
    return j + 2 < n && base[j] === 0x3a && base[j + 1] === 0x2f && base[j + 2] === 0x2f ? j + 3 - i : 0;
  }

  /** /[a-z0-9]\.[a-z]/ on base */
  function dotted(): boolean {
    for (let i = 1; i + 1 < nBase; i++) {
      if (base[i] !== 0x2e) continue;
      const a = base[i - 1]!;
      const b = base[i + 1]!;
      if (((a >= 0x61 && a <= 0x7a) || (a >= 0x30 && a <= 0x39)) && b >= 0x61 && b <= 0x7a) return true;
    }
    return false;
  }

  /** An invite domain in base after a character outside [a-z0-9-] (or at the start). */
  function inviteLink(): boolean {
    const { next, width, sym, end } = invites;
    const n = nBase;
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        const a = base[i - 1]!;
        if ((a >= 0x61 && a <= 0x7a) || (a >= 0x30 && a <= 0x39) || a === 0x2d) continue;
      }
      let k = 0;
      for (let j = i; j < n; j++) {
        const u = base[j]!;
        const s = u < 0x80 ? sym[u]! : -1;
        if (s < 0) break;
        k = next[k * width + s]!;
        if (k === 0) break;
        if (end[k] !== 0) return true;
      }
    }
    return false;
  }

  /** The flags once the units are scanned. */
  function finish(): number {
    let url = false;
    let asks = (notes & I_QMARK) !== 0;
    let invite = false;
    if (found & CANDIDATES) {
      fillBase();
      if (found & MAY_URL) {
        // the reference's URL test, and "?" outside URLs (it removes /(?:https?:\/\/|www\.)\S*/g first)
        asks = false;
        const nb = nBase;
        for (let i = 0; i < nb; ) {
          const len = urlPrefix(i);
          if (len > 0) {
            let j = i + len;
            if (j < nb && (UNIT[base[j]!]! & SPACE) === 0) url = true;
            while (j < nb && (UNIT[base[j]!]! & SPACE) === 0) j++;
            i = j;
            continue;
          }
          if (UNIT[base[i]!]! & QMARK) asks = true;
          i++;
        }
      }
      invite = (found & MAY_INVITE) !== 0 && dotted() && inviteLink();
    }
    if (!asks) {
      resetWords();
      const s = openingAt();
      asks = longestAt(openings, s) >= 0 && longestAt(notOpenings, s) < 0;
    }
    return spec.combine(found & ~CANDIDATES, asks, url, invite);
  }

  /** Copies the first maxScan code units of t into `units`; their count. */
  function load(t: string): number {
    if (nativeOrder) return unitBytes.write(t, 0, maxScan * 2, 'utf16le') >> 1;
    const n = t.length < maxScan ? t.length : maxScan;
    for (let i = 0; i < n; i++) units[i] = t.charCodeAt(i);
    return n;
  }

  function text(t: string): number {
    const n = load(t);
    return scan(n) ? finish() : -1;
  }

  function utf8(bytes: Uint8Array, start: number, end: number, escaped: boolean): number {
    let n = 0;
    let i = start;
    while (i < end && n < maxScan) {
      const b = bytes[i]!;
      if (b < 0x80) {
        // "" inside a quoted field stands for one "
        i += escaped && b === 0x22 && i + 1 < end && bytes[i + 1] === 0x22 ? 2 : 1;
        units[n++] = b;
        continue;
      }
      // well-formed UTF-8 only (what Buffer#toString decodes without U+FFFD)
      if (b >= 0xc2 && b <= 0xdf) {
        const c1 = i + 1 < end ? bytes[i + 1]! : 0;
        if ((c1 & 0xc0) !== 0x80) return -1;
        units[n++] = ((b & 0x1f) << 6) | (c1 & 0x3f);
        i += 2;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (i + 2 >= end) return -1;
        const c1 = bytes[i + 1]!;
        const c2 = bytes[i + 2]!;
        if (c1 < (b === 0xe0 ? 0xa0 : 0x80) || c1 > (b === 0xed ? 0x9f : 0xbf) || (c2 & 0xc0) !== 0x80) return -1;
        units[n++] = ((b & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
        i += 3;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (i + 3 >= end) return -1;
        const c1 = bytes[i + 1]!;
        const c2 = bytes[i + 2]!;
        const c3 = bytes[i + 3]!;
        if (c1 < (b === 0xf0 ? 0x90 : 0x80) || c1 > (b === 0xf4 ? 0x8f : 0xbf) || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return -1;
        // the cut at maxScan would leave half a pair: the reference deals with that
        if (n + 2 > maxScan) return -1;
        const cp = ((b & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
        units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
        units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
        i += 4;
      } else return -1;
    }
    return scan(n) ? finish() : -1;
  }

  function foldStrings(t: string): { base: string; words: string } | null {
    const n = load(t);
    if (!scan(n)) return null;
    fillBase();
    resetWords();
    wordsPast(Infinity);
    return { base: String.fromCharCode(...base.subarray(0, nBase)), words: String.fromCharCode(...words.subarray(0, nw)) };
  }

  return { text, utf8, fold: foldStrings };
}

function isStop(u: number): boolean {
  return u === 0x2c || u === 0x21 || u === 0x2e || u === 0x3a;
}
