/**
 * A catalogue section: the English sentences and their French twins, side by side in one
 * file. The French object must have exactly the English keys, so a missing or stray
 * translation is a build error. Templates: {name}, {share%} for a 0..1 share,
 * {n|one|other} for plurals. French follows the article's voice: « vous », short sentences.
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  fr: { readonly [K in keyof E]: string },
): { en: E; fr: { readonly [K in keyof E]: string } } {
  return { en, fr };
}
