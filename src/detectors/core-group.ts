/** « Un noyau dur de personnes engagées, prêtes à aller plus loin suffit pour se lancer » (§4) */
import { msg } from '../i18n/index.js';
import { type EvidenceRef, defineDetector, ratio, round, scale } from './define-detector.js';

/** Active in at least this many distinct weeks… */
export const CORE_MIN_WEEKS = 2;
/** …and answered other members at least this many times. */
export const CORE_MIN_REPLIES = 2;

export default defineDetector({
  id: 'core-group',
  group: 'community',
  run({ ds, d }) {
    const m = ds.messages;
    const core: number[] = [];
    d.authorStats.forEach((s, a) => {
      if (d.isMemberAuthor[a] && s.weeks >= CORE_MIN_WEEKS && s.repliesToMembers >= CORE_MIN_REPLIES) core.push(a);
    });
    const coreSet = new Set(core);
    let coreReplies = 0;
    for (const a of core) coreReplies += d.authorStats[a]!.repliesToMembers;
    // still there in the second half of the period?
    const mid = ds.period ? (ds.period.start + ds.period.end) / 2 : 0;
    const activeLate = new Set<number>();
    for (let k = 0; k < m.count; k++) if (m.createdAt[k]! >= mid && coreSet.has(m.author[k]!)) activeLate.add(m.author[k]!);
    const retention = ratio(activeLate.size, core.length);
    const shareOfReplies = ratio(coreReplies, d.replies.memberToMember);
    const weeks = d.lastWeek - d.firstWeek + 1;
    const values = {
      coreMembers: core.length,
      activeMembers: d.activeMembers,
      coreShareOfMembers: round(ratio(core.length, d.activeMembers)),
      coreShareOfMemberReplies: round(shareOfReplies),
      stillActiveSecondHalf: activeLate.size,
      retention: round(retention),
      weeks,
    };
    if (weeks < CORE_MIN_WEEKS) return { score: null, reason: msg('reason.periodTooShort', { weeks }), values, sample: 0, usesReplies: true };
    if (d.activeMembers === 0) return { score: null, reason: msg('reason.noMembers'), values, sample: 0, usesReplies: true };
    const ranked = [...core].sort((a, b) => d.authorStats[b]!.repliesToMembers - d.authorStats[a]!.repliesToMembers || a - b);
    const evidence: EvidenceRef[] = ranked.slice(0, 12).map((a) => ({
      author: a,
      note: msg('evidence.coreMember', { replies: d.authorStats[a]!.repliesToMembers, weeks: d.authorStats[a]!.weeks }),
    }));
    // "a core suffices": five engaged people already make a start; they should carry the replies and stay
    const score = core.length === 0 ? 0 : 0.5 * scale(core.length, 5) + 0.25 * scale(shareOfReplies, 0.5) + 0.25 * retention;
    return {
      score: round(score),
      summary: msg('summary.core-group', { core: core.length, members: d.activeMembers, shareOfReplies, stillActive: activeLate.size }),
      values,
      evidence,
      sample: d.activeMembers,
      usesReplies: true,
    };
  },
});
