/** « ne crée pas de lien durable », « échanges fugaces » */
import { msg } from '../i18n/index.js';
import { blend, clamp01, defineDetector, gini, ratio, round } from './define-detector.js';

/** Shares of returning members an audience reaches too… */
const BASELINE = 0.4;
/** …and the share of a group people live in. */
const FULL = 0.85;

export default defineDetector({
  id: 'one-off-participants',
  group: 'audience',
  run({ ds, d }) {
    let once = 0;
    let oneThread = 0;
    let returning = 0;
    const { messages, threads, weeks: activeWeeks } = d.authorStats;
    // message counts in a typed array sorted natively (ascending): a comparator sort of a
    // number per member cost ~30 ms at 1M rows
    const all = new Int32Array(d.activeMembers);
    let members = 0;
    for (let a = 0; a < ds.authors.length; a++) {
      if (!d.isMemberAuthor[a] || messages[a] === 0) continue;
      all[members++] = messages[a]!;
      if (messages[a] === 1) once++;
      if (threads[a] === 1) oneThread++;
      if (activeWeeks[a]! >= 2) returning++;
    }
    const counts = all.subarray(0, members).sort();
    const top = Math.max(1, Math.ceil(members / 10));
    let topMessages = 0;
    for (let i = Math.max(0, members - top); i < members; i++) topMessages += counts[i]!;
    const weeks = d.lastWeek - d.firstWeek + 1;
    const returningShare = ratio(returning, members);
    const values = {
      activeMembers: members,
      wroteOnce: once,
      wroteOnceShare: round(ratio(once, members)),
      inOneThreadOnly: oneThread,
      inOneThreadShare: round(ratio(oneThread, members)),
      cameBackAnotherWeek: returning,
      returningShare: round(returningShare),
      top10PercentShare: round(ratio(topMessages, d.memberMessages)),
      gini: round(gini(counts)),
      weeks,
    };
    if (members === 0) return { score: null, reason: msg('reason.noMembers'), values, sample: 0, usesReplies: false };
    // lasting ties: people who take part in more than one exchange and come back another week.
    // An audience's followers come back too (to the next post): below 40 % that says nothing,
    // 85 % is a group people live in.
    const beyond = (x: number) => clamp01((x - BASELINE) / (FULL - BASELINE));
    const score = blend([
      [0.5, beyond(1 - ratio(oneThread, members))],
      [0.5, weeks >= 2 ? beyond(returningShare) : null],
    ])!;
    return {
      score: round(score),
      summary: msg('summary.one-off-participants', {
        once,
        members,
        oneThread,
        returning,
        top: ratio(topMessages, d.memberMessages),
      }),
      values,
      sample: members,
      usesReplies: false,
    };
  },
});
