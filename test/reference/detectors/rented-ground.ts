/** rented-ground before it read derive's message counts and classified each platform once (src/detectors/rented-ground.ts): the reference it is compared with */
/** « Vos abonnés ne vous appartiennent pas : un changement d’algorithme ou un compte bloqué et vous perdez tout » */
import { msg } from '../../../src/i18n/index.js';
import { OWNED_PLATFORMS, isRented } from '../../../src/load/platforms.js';
import { blend, defineDetector, ratio, round } from '../../../src/detectors/define-detector.js';

const OWNED: ReadonlySet<string> = new Set(OWNED_PLATFORMS);

export default defineDetector({
  id: 'rented-ground',
  group: 'audience',
  run({ ds, d }) {
    const m = ds.messages;
    // messages per platform, read from each author's platform (a mixed export has several)
    const perAuthor = new Int32Array(ds.authors.length);
    for (let k = 0; k < m.count; k++) perAuthor[m.author[k]!]!++;
    const perPlatform = new Map<string, number>();
    let rented = 0;
    let owned = 0;
    let unknown = 0;
    ds.authors.forEach((a, i) => {
      const n = perAuthor[i]!;
      if (n === 0 || !(d.isMemberAuthor[i] || d.isBrandAuthor[i])) return;
      perPlatform.set(a.platform, (perPlatform.get(a.platform) ?? 0) + n);
      if (isRented(a.platform)) rented += n;
      else if (OWNED.has(a.platform)) owned += n;
      else unknown += n;
    });
    // a member file that holds e-mails or phones is an audience you can reach without a network
    const fileMembers = ds.members.filter((x) => x.line > 0 && x.role === 'member');
    const contactable = fileMembers.filter((x) => x.contactable).length;
    const known = rented + owned;
    const rentedShare = ratio(rented, known);
    const contactShare = ratio(contactable, fileMembers.length);
    const platforms = [...perPlatform.keys()].filter((p) => p !== 'unknown').sort().join(', ');
    const values = {
      rentedMessages: rented,
      ownedMessages: owned,
      unknownPlatformMessages: unknown,
      rentedShare: known > 0 ? round(rentedShare) : null,
      platforms,
      memberFileMembers: fileMembers.length,
      contactable,
      contactableShare: fileMembers.length > 0 ? round(contactShare) : null,
    };
    if (known === 0 && fileMembers.length === 0) return { score: null, reason: msg('reason.platformUnknown'), values, sample: 0, usesReplies: false };
    const score = blend([
      [0.7, known > 0 ? 1 - rentedShare : null],
      [0.3, fileMembers.length > 0 ? contactShare : null],
    ])!;
    const summary =
      known === 0
        ? msg('summary.rented-ground.fileOnly', { contactable, fileMembers: fileMembers.length })
        : fileMembers.length === 0
          ? msg('summary.rented-ground.platformsOnly', { rentedShare, platforms })
          : msg('summary.rented-ground', { rentedShare, platforms, contactable, fileMembers: fileMembers.length });
    return { score: round(score), summary, values, sample: known + fileMembers.length, usesReplies: false };
  },
});
