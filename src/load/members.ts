/**
 * A member list (CSV): id or name, role, join date, last activity, and whether an e-mail
 * or a phone number is present. The e-mail and the phone themselves are never kept.
 */
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { type Member, type MemberRole } from '../model/dataset.js';
import { MEMBER_ALIASES, type MemberField, mapColumns, showHeaders } from './columns.js';
import { streamCsv } from './csv-stream.js';
import { createDateColumn } from './dates.js';
import { type DiscourseUserColumns, discourseRole, discourseUserColumns } from './formats/discourse-users.js';
import type { Input } from './read.js';
import { copyString } from './text.js';

const ROLE_PATTERNS: [RegExp, MemberRole][] = [
  [/owner|propri[eé]taire|fondat|founder|creat/i, 'owner'],
  [/admin/i, 'admin'],
  [/mod[eé]r|trust level 4|leader/i, 'moderator'],
  [/staff|team|[ée]quipe|employ|brand|marque/i, 'staff'],
  [/\bbot\b/i, 'bot'],
];

export function parseRole(value: string): MemberRole {
  const v = value.trim();
  if (/^(true|oui|yes)$/i.test(v)) return 'admin';
  for (const [re, role] of ROLE_PATTERNS) if (re.test(v)) return role;
  return 'member';
}

/** The member fields a header row holds (the Discourse user list's own columns included). */
function memberColumns(headers: string[]): { columns: Partial<Record<MemberField, number>>; discourse: DiscourseUserColumns | null } {
  let columns = mapColumns(headers, MEMBER_ALIASES).columns;
  // the Discourse user list: posts are keyed by username, roles are two true/false columns
  const discourse = discourseUserColumns(headers);
  if (discourse) columns = { ...columns, id: discourse.id, name: discourse.name, email: discourse.email, joinedAt: discourse.joinedAt, lastActiveAt: discourse.lastActiveAt };
  return { columns, discourse };
}

/** Whether a header row is a member list's: an id or a name column. */
export function isMemberHeader(headers: string[]): boolean {
  const { columns } = memberColumns(headers.map((h) => h.trim()));
  return columns.id !== undefined || columns.name !== undefined;
}

export async function loadMembers(input: Input): Promise<{ members: Member[]; issues: { code: string; file: string; line: number }[] }> {
  const members: Member[] = [];
  const issues: { code: string; file: string; line: number }[] = [];
  const joined = createDateColumn();
  const seen = createDateColumn();
  let headers: string[] | null = null;
  let columns: Partial<Record<MemberField, number>> = {};
  let discourse: DiscourseUserColumns | null = null;
  let line = 1;
  await streamCsv(input, {
    onRecord(fields) {
      const at = line;
      for (const f of fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) line++;
      line++;
      if (!headers) {
        if (fields.every((f) => f.trim() === '')) return;
        headers = fields.map((h) => h.trim());
        ({ columns, discourse } = memberColumns(headers));
        if (columns.id === undefined && columns.name === undefined) {
          throw new InputError(msg('error.membersFile', { file: input.label, headers: showHeaders(headers) }));
        }
        return;
      }
      if (fields.length === 1 && fields[0]!.trim() === '') return;
      const get = (f: MemberField) => {
        const i = columns[f];
        return i === undefined ? '' : (fields[i] ?? '').trim();
      };
      const id = get('id');
      const name = get('name');
      if (!id && !name) {
        issues.push({ code: 'member-no-id', file: input.label, line: at });
        return;
      }
      const j = get('joinedAt') ? joined.parse(get('joinedAt')) : null;
      const l = get('lastActiveAt') ? seen.parse(get('lastActiveAt')) : null;
      const contactable = /\S+@\S+\.\S+/.test(get('email')) || /\d{6,}/.test(get('phone').replace(/[\s.\-()+]/g, ''));
      members.push({
        ...(id ? { id: copyString(id) } : {}),
        ...(name ? { name: copyString(name) } : {}),
        role: discourse ? discourseRole(fields, discourse) : parseRole(get('role')),
        ...(j ? { joinedAt: j.t } : {}),
        ...(l ? { lastActiveAt: l.t } : {}),
        contactable,
        line: at,
      });
    },
  });
  if (!headers) throw new InputError(msg('error.noHeader', { file: input.label }));
  return { members, issues };
}
