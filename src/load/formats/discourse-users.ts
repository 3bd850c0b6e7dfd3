/**
 * The Discourse admin user list (Admin → Users → Export, a CSV in a zip), read as a member
 * file: `id,name,username,email,…,admin,moderator,…`. Posts are keyed by username, so the
 * member id is the username; `admin` and `moderator` are true/false columns, not a role column.
 */
import type { MemberRole } from '../../model/dataset.js';
import { normalizeHeader } from '../columns.js';

export interface DiscourseUserColumns {
  id: number;
  name: number;
  email: number;
  admin: number;
  moderator: number;
  joinedAt: number;
  lastActiveAt: number;
}

export function discourseUserColumns(headers: string[]): DiscourseUserColumns | null {
  const at = (name: string) => headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
  const cols = {
    id: at('username'),
    name: at('name'),
    email: at('email'),
    admin: at('admin'),
    moderator: at('moderator'),
    joinedAt: at('created_at'),
    lastActiveAt: at('last_seen_at'),
  };
  const isDiscourse = cols.id >= 0 && cols.admin >= 0 && cols.moderator >= 0 && at('trust_level') >= 0;
  return isDiscourse ? cols : null;
}

export function discourseRole(fields: string[], cols: DiscourseUserColumns): MemberRole {
  if ((fields[cols.admin] ?? '').trim() === 'true') return 'admin';
  if ((fields[cols.moderator] ?? '').trim() === 'true') return 'moderator';
  return 'member';
}
