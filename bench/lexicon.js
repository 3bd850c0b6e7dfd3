#!/usr/bin/env node
/**
 * The lexicon on every text of a comment CSV: the fast classifier (string and UTF-8 ways in)
 * against the reference, text by text, and the CPU each takes.
 *
 *   npm run build && node bench/lexicon.js bench/data/comments-1M.csv [--column text]
 *
 * Prints the number of texts, how many the fast path handed to the reference, every
 * difference (there must be none), and the CPU of classifying all the texts each way.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { classifyText, classifyTextReference, classifyUtf8, flagNames, foldText } from '../dist/lexicon/index.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const column = args.includes('--column') ? args[args.indexOf('--column') + 1] : 'text';
if (!file) {
  console.error('usage: node bench/lexicon.js FILE.csv [--column text]');
  process.exit(2);
}

const texts = [];
let index = -1;
await new Promise((resolve, reject) => {
  Papa.parse(createReadStream(file), {
    chunk: ({ data }) => {
      for (const row of data) {
        if (index < 0) index = row.indexOf(column);
        else if (row.length > index) texts.push(row[index]);
      }
    },
    complete: resolve,
    error: reject,
  });
});
if (index < 0) throw new Error(`no column "${column}" in ${file}`);

// the texts as the worker gets them: UTF-8 bytes of the field, "" escapes kept
const fields = texts.map((t) => (t.includes('"') ? Buffer.from(t.replace(/"/g, '""')) : Buffer.from(t)));
const bytes = Buffer.concat(fields);
const bounds = new Int32Array(texts.length * 2);
const escaped = Uint8Array.from(texts, (t) => (t.includes('"') ? 1 : 0));
for (let i = 0, at = 0; i < texts.length; i++) {
  bounds[2 * i] = at;
  at += fields[i].length;
  bounds[2 * i + 1] = at;
}

let differences = 0;
let handed = 0;
for (let i = 0; i < texts.length; i++) {
  const t = texts[i];
  const reference = classifyTextReference(t);
  const fast = classifyText(t);
  const utf8 = classifyUtf8(bytes, bounds[2 * i], bounds[2 * i + 1], escaped[i] === 1);
  if (foldText(t) === null) handed++;
  if (fast !== reference || utf8 !== reference) {
    if (differences++ < 20) console.log(JSON.stringify(t), { reference: flagNames(reference), fast: flagNames(fast), utf8: flagNames(utf8) });
  }
}
console.log(`${texts.length} texts, ${handed} handed to the reference, ${differences} differences`);

function cpu(name, f) {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  console.log(`${name}: ${best.toFixed(2)} s CPU (best of 3)`);
  return best;
}
const reference = cpu('reference (classifyTextReference)', () => texts.forEach((t) => classifyTextReference(t)));
const fast = cpu('fast, from strings (classifyText)', () => texts.forEach((t) => classifyText(t)));
const decoded = cpu('reference, from bytes (what the worker did: decode, undo "", classify)', () => {
  for (let i = 0; i < texts.length; i++) {
    let t = bytes.toString('utf8', bounds[2 * i], bounds[2 * i + 1]);
    if (escaped[i]) t = t.replace(/""/g, '"');
    classifyTextReference(t);
  }
});
const utf8 = cpu('fast, from bytes (classifyUtf8)', () => {
  for (let i = 0; i < texts.length; i++) classifyUtf8(bytes, bounds[2 * i], bounds[2 * i + 1], escaped[i] === 1);
});
console.log(`strings: ${(reference / fast).toFixed(1)}× cheaper; bytes: ${(decoded / utf8).toFixed(1)}× cheaper`);
process.exit(differences === 0 ? 0 : 1);
