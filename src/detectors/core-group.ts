/** « Un noyau dur de personnes engagées, prêtes à aller plus loin suffit pour se lancer » (§4) */
import { coreNumberArray, replyNetwork } from '../derive/graph.js';
import { msg } from '../i18n/index.js';
import { type EvidenceRef, defineDetector, ratio, round, scale, topAuthors } from './define-detector.js';

/** Active in at least this many distinct weeks… */
export const CORE_MIN_WEEKS = 2;
/** …and answered other members at least this many times. */
export const CORE_MIN_REPLIES = 2;

export default defineDetector({
  id: 'core-group',
  group: 'community',
  run({ ds, d }) {
    const { weeks: activeWeeks, repliesToMembers } = d.authorStats;
    const core: number[] = [];
    for (let a = 0; a < ds.authors.length; a++) {
      if (d.isMemberAuthor[a] && activeWeeks[a]! >= CORE_MIN_WEEKS && repliesToMembers[a]! >= CORE_MIN_REPLIES) core.push(a);
    }
    let coreReplies = 0;
    for (const a of core) coreReplies += repliesToMembers[a]!;
    // still there in the second half of the period?
    const mid = ds.period ? (ds.period.start + ds.period.end) / 2 : 0;
    // (a core member's last message at or after the middle: no pass over the messages)
    let stillActive = 0;
    for (const a of core) if (d.authorStats.last[a]! >= mid) stillActive++;
    // the k-core of the member reply network: how tightly the most connected members hold together
    const cores = coreNumberArray(replyNetwork(ds, d).members);
    let depth = 0;
    let inTwoCore = 0;
    for (const k of cores) {
      if (k > depth) depth = k;
      if (k >= 2) inTwoCore++;
    }
    const retention = ratio(stillActive, core.length);
    const shareOfReplies = ratio(coreReplies, d.replies.memberToMember);
    const weeks = d.lastWeek - d.firstWeek + 1;
    const values = {
      coreMembers: core.length,
      activeMembers: d.activeMembers,
      coreShareOfMembers: round(ratio(core.length, d.activeMembers)),
      coreShareOfMemberReplies: round(shareOfReplies),
      stillActiveSecondHalf: stillActive,
      retention: round(retention),
      weeks,
      degeneracy: depth,
      membersInTwoCore: inTwoCore,
    };
    if (d.activeMembers === 0) return { score: null, reason: msg('reason.noMembers'), values, sample: 0, usesReplies: true };
    if (weeks < CORE_MIN_WEEKS) return { score: null, reason: msg('reason.periodTooShort', { weeks, min: CORE_MIN_WEEKS }), values, sample: 0, usesReplies: true };
    const evidence: EvidenceRef[] = topAuthors(d, core, (a) => repliesToMembers[a]!, 12).map((a) => ({
      author: a,
      note: msg('evidence.coreMember', { replies: repliesToMembers[a]!, weeks: activeWeeks[a]! }),
    }));
    // "a core suffices": five engaged people already make a start; they should carry the
    // replies, stay, and answer each other rather than each answering one person
    const score =
      core.length === 0
        ? 0
        : 0.45 * scale(core.length, 5) + 0.2 * scale(shareOfReplies, 0.5) + 0.2 * retention + 0.15 * scale(depth - 1, 2);
    return {
      score: round(score),
      summary:
        core.length === 0
          ? msg('summary.core-group.none', { members: d.activeMembers, minWeeks: CORE_MIN_WEEKS, minReplies: CORE_MIN_REPLIES })
          : msg('summary.core-group', { core: core.length, members: d.activeMembers, shareOfReplies, stillActive }),
      values,
      evidence,
      highlights: { inviteFirst: evidence },
      sample: d.activeMembers,
      usesReplies: true,
    };
  },
});
