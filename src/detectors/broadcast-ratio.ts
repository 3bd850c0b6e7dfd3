/** « la marque publie, l’audience réagit » */
import { activity } from '../derive/activity.js';
import { msg } from '../i18n/index.js';
import { defineDetector, mostlyComments, ratio, round } from './define-detector.js';

export default defineDetector({
  id: 'broadcast-ratio',
  group: 'audience',
  run({ ds, d }) {
    const threads = ds.threads.length;
    const brandThreads = activity(ds, d).brandThreads;
    const totalMessages = d.memberMessages + d.brandMessages;
    // members who reply, and those of them who only ever answer the brand
    let membersOnlyToBrand = 0;
    let membersReplying = 0;
    const { repliesToBrand, repliesToMembers } = d.authorStats;
    for (let a = 0; a < ds.authors.length; a++) {
      if (!d.isMemberAuthor[a] || repliesToBrand[a]! + repliesToMembers[a]! === 0) continue;
      membersReplying++;
      if (repliesToMembers[a] === 0) membersOnlyToBrand++;
    }
    const brandPostShare = ratio(brandThreads, threads);
    const brandMessageShare = ratio(d.brandMessages, totalMessages);
    const onlyBrandShare = ratio(membersOnlyToBrand, membersReplying);
    const values = {
      threads,
      brandThreads,
      brandPostShare: round(brandPostShare),
      brandMessages: d.brandMessages,
      brandMessageShare: round(brandMessageShare),
      membersReplying,
      membersOnlyAnsweringBrand: membersOnlyToBrand,
      onlyBrandShare: round(onlyBrandShare),
    };
    if (threads === 0) return { score: null, reason: msg('reason.noThreads'), values, sample: 0, usesReplies: false };
    if (ds.brand.authors.length === 0 && brandThreads === 0) return { score: null, reason: msg('reason.noBrand'), values, sample: threads, usesReplies: false };
    // a broadcast: the brand starts everything, writes much of it, and members only answer it
    const score = 1 - (0.45 * brandPostShare + 0.35 * onlyBrandShare + 0.2 * Math.min(1, brandMessageShare * 2));
    const where = mostlyComments(ds) ? 'comments' : 'threads';
    return {
      score: round(Math.max(0, Math.min(1, score))),
      summary: msg(`summary.broadcast-ratio.${where}`, { brandThreads, threads, brandPostShare, brandMessageShare, membersOnlyToBrand, membersReplying }),
      values,
      sample: threads,
      usesReplies: true,
    };
  },
});
