/**
 * Every real export in ../shared/samples (see FORMATS.md): the reader recognized from the
 * content, and the messages, authors, system messages and replies it reads. The expected
 * numbers were counted apart from this code (with Python over the raw files) and match
 * the samples' SOURCE.txt where it gives them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLY_KINDS } from '../../src/model/dataset.js';
import { SAMPLES, load } from '../helpers/load.js';

interface Expected {
  format: string;
  messages: number;
  authors: number;
  system: number;
  replies: Partial<Record<(typeof REPLY_KINDS)[number], number>>;
}

const CASES: [string, Expected][] = [
  // 5 messages, 3 authors (SOURCE.txt); 2 "Reply" messages, and "@Adam Threads are not…"
  ['discordchatexporter-json/example-guild-general-thread.json', { format: 'discord-json', messages: 5, authors: 3, system: 0, replies: { explicit: 2, mention: 1 } }],
  // 158 messages: 94 bot_message, 8 channel_join, 3 bot_add left out; no threads in 2016, "<@U…>: …" mentions
  ['slack/testarchive.zip', { format: 'slack', messages: 53, authors: 4, system: 105, replies: { mention: 10 } }],
  // one day file: a channel_join and a tombstone; one thread whose root is in this day
  ['slack/2025-01-11.json', { format: 'slack', messages: 9, authors: 2, system: 2, replies: { thread: 1 } }],
  // a personal chat: two service messages, no reply_to_message_id
  ['telegram/DM_2A_7M.json', { format: 'telegram', messages: 6, authors: 2, system: 2, replies: {} }],
  // Android: "…created group" and the encryption notice are system lines; one answer within 30 minutes
  ['whatsapp/sample.txt', { format: 'whatsapp', messages: 7, authors: 2, system: 2, replies: { inferred: 1 } }],
  // iOS: notices, a deleted message and calls left out; messages a month apart but two on 2020-06-01
  ['whatsapp/_chat.txt', { format: 'whatsapp', messages: 13, authors: 4, system: 6, replies: { inferred: 1 } }],
  // latest posts of a forum: 31 replies whose post is in the page, 2 posts answering a topic whose #1 is in it
  ['discourse/posts.json', { format: 'discourse', messages: 50, authors: 9, system: 0, replies: { explicit: 31, thread: 2 } }],
  // top-level comments only (part=snippet): no replies
  ['youtube/comment_threads_by_video_paged_1.json', { format: 'youtube', messages: 5, authors: 5, system: 0, replies: {} }],
  // two replies whose top-level comment is not in the file
  ['youtube/comments_by_parent_paged_1.json', { format: 'youtube', messages: 2, authors: 1, system: 0, replies: {} }],
  // 1,028 comments (SOURCE.txt): 35 deleted, removed or AutoModerator; 567 t1_ parents present in the dump
  ['reddit/GermanRap_comments_small.zst', { format: 'reddit', messages: 993, authors: 547, system: 35, replies: { explicit: 567 } }],
  // 592 rows: 40 wiki posts or without owner; 327 answers whose question is in the file
  ['stackexchange/Posts.xml', { format: 'stackexchange', messages: 552, authors: 115, system: 40, replies: { explicit: 327 } }],
];

const present = existsSync(SAMPLES);
if (!present) console.warn(`conformance: ${SAMPLES} is absent, the real-sample checks are skipped`);

describe.skipIf(!present)('real samples (../shared/samples)', () => {
  it.each(CASES)('%s', async (file, expected) => {
    const ds = await load([join(SAMPLES, file)]);
    const counts: Record<string, number> = {};
    for (let k = 0; k < ds.messages.count; k++) {
      if (ds.messages.parent[k]! < 0) continue;
      const kind = REPLY_KINDS[ds.messages.replyKind[k]!]!;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    expect({
      format: ds.sources[0]!.format,
      messages: ds.messages.count,
      authors: ds.authors.length,
      system: ds.sources[0]!.systemMessages,
      replies: counts,
    }).toEqual(expected);
  });
});
