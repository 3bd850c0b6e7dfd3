/** « la marque publie, l'audience réagit » */
import { msg } from '../i18n/index.js';
import { POST_AUTHOR } from '../model/dataset.js';
import { defineDetector, ratio, round } from './define-detector.js';

export default defineDetector({
  id: 'broadcast-ratio',
  group: 'audience',
  run({ ds, d }) {
    let threads = 0;
    let brandThreads = 0;
    for (const t of ds.threads) {
      threads++;
      if (t.rootAuthor === POST_AUTHOR || (t.rootAuthor >= 0 && d.isBrandAuthor[t.rootAuthor])) brandThreads++;
    }
    const totalMessages = d.memberMessages + d.brandMessages;
    // member messages that only ever answer the brand: members who never address another member
    let membersOnlyToBrand = 0;
    let membersReplying = 0;
    d.authorStats.forEach((s, a) => {
      if (!d.isMemberAuthor[a] || s.messages === 0) return;
      if (s.repliesToBrand + s.repliesToMembers === 0) return;
      membersReplying++;
      if (s.repliesToMembers === 0) membersOnlyToBrand++;
    });
    const brandPostShare = ratio(brandThreads, threads);
    const brandMessageShare = ratio(d.brandMessages, totalMessages);
    const onlyBrandShare = ratio(membersOnlyToBrand, membersReplying);
    const values = {
      threads,
      brandThreads,
      brandPostShare: round(brandPostShare),
      brandMessageShare: round(brandMessageShare),
      membersReplying,
      membersOnlyAnsweringBrand: membersOnlyToBrand,
      onlyBrandShare: round(onlyBrandShare),
    };
    if (threads === 0) return { score: null, reason: msg('reason.noThreads'), values, sample: 0, usesReplies: false };
    if (d.brandMessages === 0 && brandThreads === 0) {
      return { score: null, reason: msg('reason.noBrand'), values, sample: threads, usesReplies: false };
    }
    // a broadcast: the brand starts everything and members only answer it
    const score = 1 - (0.45 * brandPostShare + 0.35 * onlyBrandShare + 0.2 * Math.min(1, brandMessageShare * 2));
    return {
      score: round(Math.max(0, Math.min(1, score))),
      summary: msg('summary.broadcast-ratio', { brandThreads, threads, brandPostShare, membersOnlyToBrand, membersReplying }),
      values,
      sample: threads,
      usesReplies: true,
    };
  },
});
