/** « Vous dépendez des algorithmes pour être visible » */
import { activity, postingAndSilentWeeks } from '../derive/activity.js';
import { msg } from '../i18n/index.js';
import { blend, defineDetector, ratio, round, scale } from './define-detector.js';

/** Member messages within this time after one of your posts count as drawn by it. */
export const AFTER_POST_MS = 24 * 3600 * 1000;

export default defineDetector({
  id: 'brand-driven-activity',
  group: 'audience',
  run({ ds, d }) {
    const m = ds.messages;
    const act = activity(ds, d);
    let inBrandThreads = 0;
    for (let k = 0; k < m.count; k++) if (d.isMemberAuthor[m.author[k]!] && act.brandThread[m.thread[k]!]) inBrandThreads++;
    // within a day of a post of yours, when post times are known (chats, forums)
    let afterPost: number | null = null;
    if (act.exactBrandPosts > 0) {
      afterPost = 0;
      const posts = act.brandPostTimes;
      let j = 0;
      for (let k = 0; k < m.count; k++) {
        if (!d.isMemberAuthor[m.author[k]!]) continue;
        const t = m.createdAt[k]!;
        while (j + 1 < posts.length && posts[j + 1]! <= t) j++;
        if (posts[j]! <= t && t - posts[j]! <= AFTER_POST_MS) afterPost++;
      }
    }
    // weeks without a post of yours against weeks with one
    const { postingWeeks, postingMessages, silentWeeks, silentMessages } = postingAndSilentWeeks(act);
    const silentRate = ratio(silentMessages, silentWeeks);
    const postingRate = ratio(postingMessages, postingWeeks);
    const weekRatio = silentWeeks > 0 && postingWeeks > 0 && postingRate > 0 ? silentRate / postingRate : null;
    const inBrandShare = ratio(inBrandThreads, d.memberMessages);
    const afterPostShare = afterPost === null ? null : ratio(afterPost, d.memberMessages);
    const values = {
      memberMessages: d.memberMessages,
      inYourThreads: inBrandThreads,
      inYourThreadsShare: round(inBrandShare),
      withinADayOfAPost: afterPost,
      withinADayShare: afterPostShare === null ? null : round(afterPostShare),
      weeksWithPosts: postingWeeks,
      weeksWithoutPosts: silentWeeks,
      memberMessagesPerWeekWithPosts: round(postingRate, 1),
      memberMessagesPerWeekWithoutPosts: round(silentRate, 1),
    };
    if (d.memberMessages === 0) return { score: null, reason: msg('reason.noMembers'), values, sample: 0, usesReplies: false };
    if (act.brandThreads === 0 && ds.brand.authors.length === 0) return { score: null, reason: msg('reason.noBrand'), values, sample: 0, usesReplies: false };
    const score = blend([
      [0.5, 1 - inBrandShare],
      [0.2, afterPostShare === null ? null : 1 - afterPostShare],
      [0.3, weekRatio === null ? null : scale(weekRatio, 0.8)],
    ])!;
    return {
      score: round(score),
      summary:
        weekRatio !== null
          ? msg('summary.brand-driven-activity', { share: inBrandShare, silentRate: round(silentRate, 1), postingRate: round(postingRate, 1), silentWeeks })
          : silentWeeks === 0 && postingWeeks > 0
            ? msg('summary.brand-driven-activity.noSilentWeeks', { share: inBrandShare, weeks: act.weeks })
            : msg('summary.brand-driven-activity.threadsOnly', { share: inBrandShare }),
      values,
      sample: d.memberMessages,
      usesReplies: false,
    };
  },
});
