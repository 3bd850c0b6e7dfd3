/**
 * A seeded generator of realistic comment exports, for the benchmark (and for trying the
 * audit on a large file by hand):
 *
 *   node bench/generate.js 1M                 → bench/data/comments-1M.csv
 *   node bench/generate.js 4M /tmp/big.csv    → any row count (k, M suffixes)
 *
 * What it imitates: comments under a brand's Instagram posts, exported post by
 * post. The brand's accounts write most posts; members comment, answer each other
 * (replies carry a parent id, often start with an @mention); authors follow a power law, with
 * a small core of regulars, a long tail and many one-off posters; texts are French and
 * English with commas, "quotes", emojis (some of them joined sequences), URLs, the odd
 * e-mail or phone number, line breaks inside quoted cells, and a few very long pastes.
 * Columns: id, post, parent_id, author, date, text, likes, platform.
 *
 * The same seed and row count give the same bytes on every machine.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20250107;
const here = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = join(here, 'data');

/** "100k" → 100000, "1M" → 1000000, "2500" → 2500 */
export function parseCount(s) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(String(s).trim());
  if (!m) throw new Error(`not a row count: ${s} (examples: 100k, 1M, 3M, 25000)`);
  const mult = m[2] === '' ? 1 : m[2].toLowerCase() === 'k' ? 1e3 : 1e6;
  return Math.round(Number(m[1]) * mult);
}

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Jade', 'Louise', 'Zoé', 'Lina', 'Anaïs', 'Émilie', 'Sarah', 'Julie', 'Océane',
  'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Raphaël', 'Théo', 'Nathan', 'Mathis', 'Noé', 'Karim', 'Yanis', 'Éloïse',
  'Emma', 'Olivia', 'Ava', 'Mia', 'Sophia', 'Grace', 'Ella', 'James', 'Oliver', 'Jack', 'Noah', 'Liam', 'Ethan', 'Mason', 'Priya',
  'Aïcha', 'Fatou', 'Mamadou', 'Youssef', 'Nour', 'Chen', 'Mei', 'Kenji', 'Sofía', 'Mateo', 'João', 'Ana', 'Björn', 'Zoë',
];
const LAST = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre',
  'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert',
  'Bonnet', 'François', 'Martinez', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clarke',
  "O'Brien", 'Nguyen', 'Diallo', 'Traoré', 'Benali', 'Haddad', 'Kowalski', 'Silva', 'Müller', 'Rossi', 'García-López', 'Le Goff',
];
const EMOJI = ['😍', '🔥', '👏', '🙏', '❤️', '😂', '✨', '💪', '🤩', '😊', '👍', '🥰', '👩‍💻', '🧑‍🤝‍🧑', '🇫🇷', '👋🏽', '🤔', '😅', '💡', '🎉'];
const PRODUCTS = ['la gourde', 'le sac à dos', 'la veste "Alpine"', 'la lampe Nomade', 'the "Trail" jacket', 'the water bottle', 'le kit de démarrage', 'the new app'];
const BRAND = ['Maison Lumière', 'Maison Lumière Service client'];

const POST_FR = [
  'Nouvelle collection ! {p} arrive enfin, en trois couleurs. Laquelle vous tente ? {e}',
  'Concours 🎁 : dites-nous en commentaire où vous emmèneriez {p}, on tire au sort vendredi.\nRèglement : un commentaire par personne, tirage le 12.',
  'Coulisses de l’atelier : voici comment on fabrique {p}, de la découpe à la couture. {e}{e}',
  'Question du jour : vous préférez randonner seul·e, en famille ou entre ami·es ?',
  'Merci d’être plus de 100 000 à nous suivre ! Pour fêter ça, -20 % sur {p} avec le code MERCI20.',
];
const POST_EN = [
  'New drop: {p} is back, in three colours. Which one is yours? {e}',
  'Giveaway time 🎁 Tell us where you would take {p}, winner picked on Friday.\nOne comment per person, good luck!',
  'Behind the scenes: how we make {p}, from cutting to stitching. {e}',
  'Question of the day: solo hikes, family trips or friends only?',
];
const TOP_FR = [
  'Trop beau {e}', 'Je l’ai depuis deux ans, toujours nickel, je recommande !', 'Dispo en taille S ?', 'Quel est le délai de livraison pour la Belgique ?',
  'J’adore la couleur sauge, par contre le prix pique un peu…', 'Commande passée il y a 10 jours, toujours rien reçu. Vous pouvez regarder ? Commande n° 48213',
  '"Imperméable", vraiment ? La mienne a pris l’eau au bout d’une heure.', 'Bravo pour la fabrication en France {e}{e}',
  'Quelqu’un l’a testée en bivouac, par -5 °C ?', 'On en parle de la couture sur l’épaule ? Elle a lâché au bout d’un mois, dommage.',
  'Moi je la prendrais au Vercors, ou en Bretagne si on est honnêtes 😅', 'Je participe ! Direction les Calanques avec {p}',
  'Vous faites des remises pour les associations, comme la nôtre (club de rando de Grenoble) ?',
  'Magnifique, mais pourquoi pas de version homme ?\nEt une version enfant, ce serait top aussi.', 'Top, merci pour le partage {e}',
  'Je vous ai écrit à contact@example.fr, pas de réponse depuis une semaine.', 'Rappelez-moi au 06 12 34 56 78 svp, c’est urgent pour un cadeau.',
];
const TOP_EN = [
  'Love this {e}', 'Had mine for two years, still perfect, highly recommend!', 'Do you ship to Canada?', 'Is the large size back in stock?',
  'Gorgeous colour, but the price is a bit steep…', 'Ordered 10 days ago, still nothing. Can you check? Order #48213', '"Waterproof", really? Mine soaked through in an hour.',
  'Anyone tried it on a winter camping trip?', 'I would take it to the Highlands, no question {e}', 'Count me in! Taking {p} to Yosemite',
  'Stunning, but why no men’s version?\nA kids version would be great too.', 'Great post, thanks for sharing {e}', 'Check out my review here: https://example.com/blog/review-trail-jacket',
];
const REPLY_FR = [
  '@{to} pareil pour moi, la mienne tient depuis 3 ans', '@{to} essaie de la laver à froid, ça a marché chez moi', '@{to} oui, en bivouac à -8, aucun souci, mais prends un duvet correct',
  '@{to} tu l’as prise en quelle taille ? J’hésite entre M et L', 'Merci @{to} {e}', '@{to} je suis d’accord, le prix est élevé, mais ça dure.',
  '@{to} on a un groupe WhatsApp de randonneurs à Lyon, si ça te dit : https://chat.whatsapp.com/Fake123', '@{to} "aucun souci" chez moi non plus, après six mois d’usage intensif.',
  'Pareil ! On se fait une sortie ensemble un de ces jours ?', '@{to} grave, et en plus le SAV est top quand on les relance.\nMoi ils m’ont renvoyé une pièce en 48 h.',
  '@{to} tu as essayé de les appeler ? Pour moi ça a été plus rapide qu’en DM.', 'Bienvenue @{to} {e}',
];
const REPLY_EN = [
  '@{to} same here, mine has lasted 3 years', '@{to} try washing it cold, that worked for me', '@{to} yes, camped at 15°F, no issue, but bring a proper sleeping bag',
  '@{to} which size did you get? Torn between M and L', 'Thanks @{to} {e}', '@{to} agreed, it is pricey, but it lasts.', '@{to} there is a Discord for hikers in Denver: https://discord.gg/fakeinvite',
  'Same! Should we start a group for this?', '@{to} totally, and support is great once you chase them.\nThey sent me a spare part in 2 days.',
];
const BRAND_REPLY = [
  '@{to} merci pour votre retour ! Nous vous écrivons en message privé.', '@{to} bonjour, la livraison prend 3 à 5 jours ouvrés en Belgique {e}',
  '@{to} thanks for your feedback! We have sent you a DM.', '@{to} hi! Shipping to Canada takes about a week.', '@{to} merci beaucoup {e}',
];
const LONG = 'Bon, je vais être honnête, parce que je vois beaucoup de commentaires enthousiastes et je trouve que ça manque un peu de nuance. ' +
  'J’ai acheté {p} en mars, je l’utilise tous les week-ends, parfois sous la pluie, parfois en plein soleil, et globalement, oui, c’est solide. ' +
  'Mais : la fermeture éclair accroche, la poche intérieure est trop petite pour un téléphone récent, et le service client a mis, je cite, "quelques jours" à me répondre, soit trois semaines. ';

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function csvCell(v) {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function iso(t) {
  return new Date(t).toISOString().slice(0, 19) + 'Z';
}

/**
 * Writes `rows` rows to `file`. Returns the byte count.
 * @param {number} rows
 * @param {string} file
 * @param {number} [seed]
 */
export function generate(rows, file, seed = DEFAULT_SEED) {
  const r = rng(seed ^ rows);
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  let bytes = 0;
  let buf = [];
  let bufLen = 0;
  const write = (line) => {
    buf.push(line);
    bufLen += line.length;
    if (bufLen > 1 << 22) flush();
  };
  const flush = () => {
    if (buf.length === 0) return;
    const b = Buffer.from(buf.join(''), 'utf8');
    writeSync(fd, b);
    bytes += b.length;
    buf = [];
    bufLen = 0;
  };
  write('id,post,parent_id,author,date,text,likes,platform\n');

  // authors: a core of regulars, a middle pool picked by a power law, and one-off posters
  const nameOf = (i) => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const n = Math.floor(i / (FIRST.length * LAST.length));
    const style = i % 3;
    const base = style === 0 ? `${first} ${last}` : style === 1 ? `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-zà-ÿ]/g, '')}` : `${first}_${last[0]}`;
    return n === 0 ? base : `${base}${n}`;
  };
  const core = 300;
  const pool = Math.max(1000, Math.floor(rows / 20));
  let oneOff = 0;
  const author = () => {
    const u = r();
    if (u < 0.15) return nameOf(Math.floor(core * Math.pow(r(), 2)));
    if (u < 0.75) return nameOf(core + Math.floor(pool * Math.pow(r(), 2.5)));
    return nameOf(core + pool + oneOff++);
  };
  const fill = (tpl, to) =>
    tpl
      .replace(/\{e\}/g, () => pick(r, EMOJI))
      .replace(/\{p\}/g, () => pick(r, PRODUCTS))
      .replace(/\{to\}/g, () => to.split(' ')[0]);

  let id = 0;
  const newId = () => '178' + String(++id * 13 + Math.floor(r() * 13)).padStart(14, '0');
  const start = Date.UTC(2023, 0, 2, 8, 0, 0);
  const span = 2 * 365 * 24 * 3600 * 1000;
  const posts = Math.max(1, Math.round(rows / 150));
  let written = 0;
  for (let p = 0; p < posts && written < rows; p++) {
    // comments per post: a power law around the mean, a few viral posts
    const left = rows - written;
    const postsLeft = posts - p;
    const mean = left / postsLeft;
    const want = p === posts - 1 ? left : Math.max(1, Math.min(left, Math.round(mean * 0.25 * Math.pow(1 / Math.max(1e-3, r()), 0.55))));
    const postId = '1800' + String(p * 7919 + 104729).padStart(15, '0');
    const u = r();
    const postAuthor = u < 0.85 ? BRAND[0] : u < 0.9 ? BRAND[1] : author();
    const platform = 'instagram'; // one export, one network: a brand's account is one author
    const fr = r() < 0.65;
    const t0 = start + Math.floor((p / posts) * span + r() * 3600 * 1000);
    const caption = fill(pick(r, fr ? POST_FR : POST_EN), '') + (r() < 0.5 ? ' #randonnée #outdoor #madeinfrance' : '');
    write(`${postId},${postId},,${csvCell(postAuthor)},${iso(t0)},${csvCell(caption)},${Math.floor(200 + 5000 * Math.pow(r(), 3))},${platform}\n`);
    written++;
    const comments = []; // [id, author] of this post's comments, for replies
    let t = t0;
    for (let c = 1; c < want && written < rows; c++) {
      t += Math.floor(-Math.log(1 - r()) * 40 * 60 * 1000 * (c < 50 ? 0.2 : 1));
      const cid = newId();
      let who;
      let parent = '';
      let text;
      const v = r();
      if (comments.length > 0 && v < 0.4) {
        // a reply, mostly to a recent comment
        const [pid, pAuthor] = comments[Math.max(0, comments.length - 1 - Math.floor(Math.pow(r(), 3) * comments.length))];
        parent = pid;
        if (r() < 0.12) {
          who = BRAND[r() < 0.7 ? 0 : 1];
          text = fill(pick(r, BRAND_REPLY), pAuthor);
        } else {
          who = author();
          text = fill(pick(r, r() < 0.6 ? REPLY_FR : REPLY_EN), pAuthor);
          for (let more = r() < 0.1 ? 0 : r() < 0.45 ? 1 : 2; more > 0; more--) text += ' ' + fill(pick(r, r() < 0.6 ? TOP_FR : TOP_EN), '');
        }
      } else {
        who = author();
        const w = r();
        text = w < 0.01 ? fill(LONG.repeat(1 + Math.floor(r() * 6)), '') : fill(pick(r, (fr ? w < 0.8 : w < 0.2) ? TOP_FR : TOP_EN), '');
        for (let more = r() < 0.1 ? 0 : r() < 0.45 ? 1 : 2; more > 0; more--) text += (r() < 0.2 ? '\n' : ' ') + fill(pick(r, (fr ? w < 0.8 : w < 0.2) ? TOP_FR : TOP_EN), '');
        if (r() < 0.3) text += ' ' + fill('{e}', '');
      }
      comments.push([cid, who]);
      const likes = r() < 0.5 ? 0 : Math.floor(Math.pow(r(), 4) * 300);
      write(`${cid},${postId},${parent},${csvCell(who)},${iso(t)},${csvCell(text)},${likes},${platform}\n`);
      written++;
    }
  }
  flush();
  closeSync(fd);
  return bytes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [count = '100k', out] = process.argv.slice(2);
  const rows = parseCount(count);
  const file = out ?? join(DATA_DIR, `comments-${count}.csv`);
  const t = Date.now();
  const bytes = generate(rows, file);
  process.stderr.write(`${file}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}
