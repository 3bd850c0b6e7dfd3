/**
 * The strongest peer: DuckDB computing one metric, the member-to-member reply share, with
 * a SQL join on the same CSV. The brand is the account that starts the most threads (as
 * the audit detects it); a top-level comment answers the post's author; a reply answers
 * its parent's author; replies to oneself do not count.
 *
 *   node bench/duckdb-share.js file.csv
 */
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const csv = `read_csv('${file.replace(/'/g, "''")}', header = true, quote = '"', escape = '"', all_varchar = true)`;
const reader = await db.runAndReadAll(`
  WITH c AS (SELECT id, post, parent_id, author FROM ${csv}),
  posts AS (SELECT id, author FROM c WHERE id = post),
  brand AS (SELECT author AS b FROM posts GROUP BY author ORDER BY count(*) DESC, author LIMIT 1),
  r AS (
    SELECT c.author AS src, p.author AS parent_author, po.author AS post_author
    FROM c
    LEFT JOIN c AS p ON p.id = c.parent_id
    LEFT JOIN posts AS po ON po.id = c.post
    WHERE c.id <> c.post OR c.post IS NULL
  ),
  t AS (SELECT src, coalesce(parent_author, post_author, b) AS dst, b FROM r, brand)
  SELECT count(*) FILTER (WHERE dst <> b) AS to_members, count(*) AS total, count(*) FILTER (WHERE dst <> b) / count(*) AS share
  FROM t
  WHERE src <> b AND src <> dst
`);
const [row] = reader.getRowObjectsJson();
process.stdout.write(JSON.stringify(row) + '\n');
