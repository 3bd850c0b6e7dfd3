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

const NNBSP = '\u202f';

/**
 * French typography for a section's sentences, so they can be written with plain spaces:
 * a narrow no-break space before ; : ? ! and % and inside « », so a line never breaks
 * between a word and its mark. Placeholders are left alone.
 */
export function frenchSpacing<const F extends Record<string, string>>(fr: F): F {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fr)) {
    out[k] = v
      .replace(/ ([;:?!%»])/g, `${NNBSP}$1`)
      .replace(/« /g, `«${NNBSP}`);
  }
  return out as F;
}
