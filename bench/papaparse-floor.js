/**
 * The floor of this stack: papaparse alone streaming a CSV into arrays of fields, with no
 * further work. Reads the file in 64 KiB chunks, decodes them with Node's streaming
 * decoder, hands papaparse the text and counts the records in a `chunk` callback.
 *
 *   node bench/papaparse-floor.js file.csv
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2];
let rows = 0;
const stream = createReadStream(file, { encoding: 'utf8' });
await new Promise((resolve, reject) => {
  Papa.parse(stream, {
    header: false,
    chunk(results) {
      rows += results.data.length;
    },
    complete: resolve,
    error: reject,
  });
});
process.stdout.write(JSON.stringify({ rows: rows - 1 }) + '\n');
