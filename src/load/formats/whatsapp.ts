/**
 * WhatsApp "Export chat" text (`.txt`, or `_chat.txt` in the zip iOS makes), read line by
 * line. There is no spec: the layout depends on the phone's system, language and clock.
 *
 *   Android   12/07/2017, 22:35 - Ana: text       26/09/2019 à 22:39 - Ana: text
 *             6/13/23, 7:35 PM - Ana: text        13.6.2018 klo 21.25.15 - Ana: text
 *   iOS       [31/12/2022 11:40:26] Ana: text     [12/27/20, 6:51:14 PM] Ana: text
 *
 * A line without a date header continues the previous message. Day/month order is decided
 * over the whole file (a 13/06 settles it). Android system lines have no author; iOS
 * writes its notices as messages whose text starts with an invisible U+200E mark.
 * WhatsApp exports no reply data (quotes are dropped): replies are inferred from who spoke
 * just before, or taken from a leading `@Name` (links 'none').
 */
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { createDateColumn } from '../dates.js';
import { readLines } from '../lines.js';
import { maskContacts } from '../text.js';
import type { FormatReader } from './types.js';

const DATE = String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{1,4}`;
const TIME = String.raw`\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?`;
const IOS = new RegExp(String.raw`^\[(${DATE}),?\s+(${TIME})\]\s+(.*)$`);
const ANDROID = new RegExp(String.raw`^(${DATE})(?:,|\s+(?:à|a las|um|klo|alle|às|om))?\s+(${TIME})\s+[-–]\s+(.*)$`);
/** A line that looks like a chat line with a date we cannot read: "2023年1月5日 10:00 - Ana: …" */
const CHAT_LIKE = /^\[?(?=[^\]\n]{0,40}\d{1,2}[:.h]\d{2})[^\]\n]{4,40}?(?:\]\s?|\s[-–]\s)[^:\n]{1,60}:\s/;

/** Texts WhatsApp writes in place of a file (without the file, or beside it). */
const MEDIA = [
  /^<(Media omitted|Médias omis|Medien ausgeschlossen|Multimedia omitido|Mídia oculta)>$/i,
  /^<(attached|pièce jointe|Anhang|adjunto|anexo)\s?:[^>]*>$/i,
  /^.{1,200} \((file attached|fichier joint|Datei angehängt|archivo adjunto|arquivo anexado)\)$/i,
  /^(image|video|audio|sticker|GIF|document|Contact card|image absente|vidéo absente|audio omis|autocollant omis|GIF retiré|document omis|fiche contact omise)( omitted)?$/i,
];
const DELETED = /^(This message was deleted\.?|You deleted this message\.?|Ce message a été supprimé\.?|Vous avez supprimé ce message\.?|Message supprimé|Dieser Nachricht wurde gelöscht\.?|Se eliminó este mensaje\.?|Eliminaste este mensaje\.?)$/i;
const EDITED = /\s*<(This message was edited|Ce message a été modifié|Diese Nachricht wurde bearbeitet|Se editó este mensaje\.?)>\s*$/i;
/** Notices that some versions write as a message from a person or the group. */
const NOTICE = /(end-to-end encrypted|chiffrés de bout en bout|Ende-zu-Ende-verschlüsselt|cifrados de extremo a extremo)|^(Missed (voice|video) call|(Voice|Video) call|Appel (vocal|vidéo)( manqué)?|Appel manqué)(, .*)?$/i;
/** Other notices, recognized only when WhatsApp marked the text as its own (iOS, U+200E). */
const MARKED_NOTICE = /(phone number|de numéro|security code|code de sécurité|now an admin|désormais admin|pinned a message|a épinglé|this group's icon|l[’']icône|disappearing messages|messages éphémères|blocked this contact|bloqué ce contact|business account|compte professionnel|waiting for this message|en attente de ce message)/i;
/** Words of group events, for Android lines whose text holds a colon ("… changed the subject to "a: b""). */
const EVENT = /(?<![\p{L}])(changed the (subject|group|description)|changed this group|created (this )?group|added|removed|left|joined using|a (créé|ajouté|retiré|quitté|modifié|changé|rejoint)|est parti|vous a ajouté)(?![\p{L}])/iu;

const INVISIBLE_START = /^[\u200e\u200f\ufeff\u202a-\u202e\u2066-\u2069]+/;
const MAX_TEXT = 4096;

export interface ChatLine {
  date: string;
  time: string;
  rest: string;
  ios: boolean;
}

/** The date, time and rest of a line that starts a message, or null for a continuation. */
export function parseHeader(raw: string): ChatLine | null {
  const line = raw.replace(INVISIBLE_START, '').replace(/[\u202f\u00a0]/g, ' ');
  const ios = IOS.exec(line);
  if (ios) return { date: ios[1]!, time: ios[2]!, rest: ios[3]!, ios: true };
  const android = ANDROID.exec(line);
  if (android) return { date: android[1]!, time: android[2]!, rest: android[3]!, ios: false };
  return null;
}

/** "~ Nev" is a non-contact on newer iOS; phone numbers are masked: no phone number in any output. */
export function cleanAuthor(raw: string): { key: string; name: string } {
  const key = raw.replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069]/g, '').replace(/^~\s*/, '').replace(/\u2011/g, '-').trim();
  const masked = maskContacts(key);
  if (masked === key) return { key, name: key };
  const digits = key.replace(/\D/g, '');
  return { key, name: masked.replace('[phone]', `[phone …${digits.slice(-2)}]`) };
}

/** The chat's name from the export's file name ("WhatsApp Chat with Running Club.txt", "Discussion WhatsApp avec …"). */
function chatName(label: string): string {
  const parts = label.split(/[\\/]/);
  let base = parts.pop() ?? label;
  if (/^_?chat\.txt$/i.test(base) && parts.length > 0) base = parts.pop()!;
  base = base.replace(/\.(txt|zip)$/i, '');
  const m = /^(?:WhatsApp Chat (?:with|-) |Discussion WhatsApp avec |WhatsApp-Chat mit |Chat de WhatsApp con )(.+)$/i.exec(base);
  return m?.[1] ?? base;
}

export const whatsappReader: FormatReader = {
  name: 'whatsapp',
  replies: ['mention', 'inferred'],
  detect(_input, headText) {
    const lines = headText.split(/\r?\n/, 60).filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    let headers = 0;
    let chatLike = 0;
    for (const l of lines) {
      if (parseHeader(l)) headers++;
      else if (CHAT_LIKE.test(l.replace(INVISIBLE_START, ''))) chatLike++;
    }
    if (headers >= Math.min(2, lines.length) && headers >= lines.length * 0.3) return 0.9;
    // chat lines whose date we cannot read: still ours, so that the error says so
    if (chatLike >= Math.min(3, lines.length) && chatLike >= lines.length * 0.5) return 0.5;
    return 0;
  },
  async read(input, { builder, options }) {
    const dates = createDateColumn(options.dateFormat);
    const source = builder.addSource({ file: input.label, format: 'whatsapp', kind: 'chat', platform: 'whatsapp', links: 'none' });
    const channel = chatName(input.label);
    let current: { key: string; name: string; t: number; alt?: number; text: string; line: number } | null = null;
    let firstLine = '';
    let headers = 0;
    let unreadableDates = 0;
    let rows = 0;
    let bytes = 0;

    const flush = () => {
      if (!current) return;
      const c = current;
      current = null;
      let text = c.text.replace(EDITED, '');
      const generated = INVISIBLE_START.test(text);
      text = text.replace(INVISIBLE_START, '').trim();
      if (DELETED.test(text)) return builder.countSystem(source);
      if (MEDIA.some((re) => re.test(text))) text = '';
      else if (NOTICE.test(text) || (generated && (EVENT.test(text) || MARKED_NOTICE.test(text) || c.key === channel))) {
        // iOS notices ("Ana changed their phone number", calls) come as a message marked invisible
        return builder.countSystem(source);
      }
      builder.addMessage(source, {
        authorKey: c.key,
        authorName: c.name,
        createdAt: c.t,
        ...(c.alt !== undefined ? { createdAtAlt: c.alt } : {}),
        text,
        channel,
        line: c.line,
      });
    };

    for await (const line of readLines(input, { maxLength: 64 * 1024, onBytes: (b) => (bytes = b) })) {
      if (!firstLine && line.text.trim()) firstLine = line.text.trim();
      const h = parseHeader(line.text);
      const parsed = h ? dates.parse(`${h.date} ${h.time.replace(/\s+/g, ' ')}`) : null;
      if (h && !parsed) unreadableDates++;
      if (!h || !parsed) {
        // a continuation of the message above (a message may itself hold a date-like line)
        if (current && current.text.length < MAX_TEXT) current.text += '\n' + line.text;
        continue;
      }
      headers++;
      flush();
      rows++;
      if (rows % 5000 === 0) options.onProgress?.(rows, bytes);
      const colon = h.rest.search(/:\s|:$|:[\u200e\u200f]/);
      const author = colon > 0 ? h.rest.slice(0, colon) : '';
      // Android notices have no "Author:"; a colon inside one ("… changed the subject to "a: b"") is not an author
      if (!author || author.length > 80 || /["“”«]/.test(author) || (!h.ios && EVENT.test(author))) {
        builder.countSystem(source);
        continue;
      }
      const { key, name } = cleanAuthor(author);
      if (!key) {
        builder.countSystem(source);
        continue;
      }
      const text = h.rest.slice(colon + 1).replace(/^ /, '');
      current = { key, name, t: parsed.t, ...(parsed.alt !== undefined ? { alt: parsed.alt } : {}), text, line: line.number };
    }
    flush();

    if (headers === 0) {
      const shown = maskContacts(firstLine).slice(0, 80);
      throw new InputError(msg(unreadableDates > 0 || CHAT_LIKE.test(firstLine) ? 'error.whatsappDateFormat' : 'error.whatsappNoMessages', { file: input.label, line: shown }));
    }
    const decision = dates.decide();
    if (decision.useAlt) builder.useAltDates(source);
    if (decision.ambiguous) builder.issue({ code: 'whatsapp-date-order', file: input.label, values: { order: decision.order === 'mdy' ? 'MM/dd' : 'dd/MM' } });
  },
};
