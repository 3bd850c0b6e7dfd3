/** Platform names, and which of them the brand rents (social networks) or owns (its own space). */

/** Networks where the brand's followers do not belong to it (article §3). */
export const RENTED_PLATFORMS = ['instagram', 'facebook', 'linkedin', 'tiktok', 'youtube', 'x', 'threads', 'pinterest', 'snapchat'] as const;
/** Spaces a brand can own or at least administer: forums, group chats, community platforms. */
export const OWNED_PLATFORMS = ['forum', 'discourse', 'slack', 'discord', 'telegram', 'whatsapp', 'circle', 'skool', 'mighty', 'reddit', 'stackexchange', 'website', 'newsletter'] as const;

const ALIASES: Record<string, string> = {
  ig: 'instagram', insta: 'instagram', instagram: 'instagram',
  fb: 'facebook', facebook: 'facebook', meta: 'facebook',
  li: 'linkedin', linkedin: 'linkedin', 'linked in': 'linkedin',
  tiktok: 'tiktok', 'tik tok': 'tiktok',
  yt: 'youtube', youtube: 'youtube',
  x: 'x', twitter: 'x', 'x/twitter': 'x', 'twitter/x': 'x',
  threads: 'threads', pinterest: 'pinterest', snapchat: 'snapchat',
  forum: 'forum', discourse: 'discourse', slack: 'slack', discord: 'discord', telegram: 'telegram', whatsapp: 'whatsapp',
  circle: 'circle', 'circle.so': 'circle', skool: 'skool', mighty: 'mighty', 'mighty networks': 'mighty',
  reddit: 'reddit', stackexchange: 'stackexchange', 'stack exchange': 'stackexchange', stackoverflow: 'stackexchange',
  site: 'website', website: 'website', blog: 'website', newsletter: 'newsletter',
};

export const KNOWN_PLATFORMS: readonly string[] = [...new Set(Object.values(ALIASES))].sort();

/** The canonical name of a platform, or the cleaned input when it is unknown. */
export function normalizePlatform(raw: string): string {
  const k = raw.trim().toLowerCase();
  // own keys only: a cell reading "constructor" or "__proto__" must not find Object.prototype's
  return (Object.hasOwn(ALIASES, k) ? ALIASES[k] : undefined) ?? (k.replace(/[^a-z0-9.]+/g, '-').replace(/^-|-$/g, '') || 'unknown');
}

export function isRented(platform: string): boolean {
  return (RENTED_PLATFORMS as readonly string[]).includes(platform);
}
