/** FAQ: « À quelle fréquence publier pour garder une communauté active ? » (informative: never weighed) */
import { activity, postingAndSilentWeeks } from '../derive/activity.js';
import { msg } from '../i18n/index.js';
import { defineDetector, ratio, round } from './define-detector.js';

/** Fewer weeks than this say nothing about a rhythm. */
export const MIN_WEEKS = 4;

/** Pearson correlation of two weekly series, or null when one of them never varies. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

export default defineDetector({
  id: 'posting-cadence',
  group: 'faq',
  run({ ds, d }) {
    const act = activity(ds, d);
    const posts = act.brandThreads;
    const weeks = act.weeks;
    const { postingWeeks, postingMessages, silentWeeks, silentMessages } = postingAndSilentWeeks(act);
    const postingRate = ratio(postingMessages, postingWeeks);
    const silentRate = ratio(silentMessages, silentWeeks);
    const corr = weeks >= MIN_WEEKS ? correlation(act.brandPostsByWeek, act.memberMessagesByWeek) : null;
    const values = {
      weeks,
      brandPosts: posts,
      postsPerWeek: round(ratio(posts, weeks), 1),
      memberMessagesPerWeek: round(ratio(d.memberMessages, weeks), 1),
      weeksWithPosts: postingWeeks,
      weeksWithoutPosts: silentWeeks,
      memberMessagesPerWeekWithPosts: round(postingRate, 1),
      memberMessagesPerWeekWithoutPosts: round(silentRate, 1),
      correlation: corr === null ? null : round(corr, 2),
    };
    if (weeks < MIN_WEEKS) return { score: null, reason: msg('reason.periodTooShort', { weeks, min: MIN_WEEKS }), values, sample: 0, usesReplies: false };
    if (posts === 0) return { score: null, reason: msg('reason.noBrandPosts'), values, sample: weeks, usesReplies: false };
    const common = { perWeek: round(ratio(posts, weeks), 1), posts, weeks };
    // informative: how active members stay in the weeks you do not post, against the weeks you do
    if (silentWeeks > 0 && postingWeeks > 0) {
      return {
        score: postingRate > 0 ? round(Math.min(1, silentRate / postingRate)) : 1,
        summary: msg('summary.posting-cadence.silentWeeks', { ...common, postingRate: round(postingRate, 1), silentRate: round(silentRate, 1) }),
        values,
        sample: weeks,
        usesReplies: false,
      };
    }
    // you post every week: whether members rise and fall with how much you post
    const score = corr === null ? null : round(1 - Math.max(0, corr));
    const reading = corr === null ? 'steady' : corr >= 0.5 ? 'follows' : corr >= 0.2 ? 'partly' : 'independent';
    return {
      score,
      ...(score === null ? { reason: msg('reason.steadyCadence') } : {}),
      summary: msg(`summary.posting-cadence.${reading}`, { ...common, memberPerWeek: round(ratio(d.memberMessages, weeks), 1) }),
      values,
      sample: weeks,
      usesReplies: false,
    };
  },
});
