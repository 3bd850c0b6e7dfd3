/** Finds a CSV's delimiter from its first lines: the candidate that splits them most consistently. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Counts each candidate per record in the first `maxLines` records, outside quotes. */
export function detectDelimiter(text: string, maxLines = 30): string {
  const counts: Record<string, number[]> = Object.fromEntries(DELIMITERS.map((d) => [d, [0]]));
  let inQuotes = false;
  let lines = 0;
  const end = Math.min(text.length, 256 * 1024);
  for (let i = 0; i < end && lines < maxLines; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      lines++;
      for (const d of DELIMITERS) counts[d]!.push(0);
    } else if (!inQuotes && counts[c]) {
      const row = counts[c]!;
      row[row.length - 1]!++;
    }
  }
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const rows = counts[d]!.slice(0, Math.max(1, lines));
    const header = rows[0] ?? 0;
    if (header === 0) continue;
    // consistent rows: as many delimiters as the header
    const consistent = rows.filter((r) => r === header).length / rows.length;
    const score = consistent * 1000 + header;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}
