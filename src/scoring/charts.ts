/**
 * The chart data of the AuditResult (`charts`): who the core is, the weekly series and the
 * reply network, with people named through the report's `nameOf` (pseudonyms with --anonymize).
 */
import { networkView, weeklySeries } from '../derive/charts.js';
import type { Derived } from '../derive/index.js';
import { CORE_MIN_REPLIES, CORE_MIN_WEEKS } from '../detectors/core-group.js';
import type { Dataset } from '../model/dataset.js';
import type { ChartsT } from '../model/result.js';

/** More members than this and a network drawing is a ball of wool. */
export const NETWORK_LIMIT = 40;
/** Enough for `compare` to name who joined or left the core in any real community. */
export const CORE_LIST_LIMIT = 500;

/** The core group, by the core-group signal's own rule; most replies to members first. */
export function coreMembers(d: Derived): number[] {
  const { weeks, repliesToMembers, firstMessage } = d.authorStats;
  const core: number[] = [];
  for (let a = 0; a < d.isMemberAuthor.length; a++) {
    if (d.isMemberAuthor[a] && weeks[a]! >= CORE_MIN_WEEKS && repliesToMembers[a]! >= CORE_MIN_REPLIES) core.push(a);
  }
  return core.sort((a, b) => repliesToMembers[b]! - repliesToMembers[a]! || firstMessage[a]! - firstMessage[b]! || a - b);
}

export function buildCharts(ds: Dataset, d: Derived, nameOf: (author: number) => string): ChartsT {
  const core = coreMembers(d);
  const coreSet = new Set(core);
  const net = networkView(ds, d, coreSet, NETWORK_LIMIT);
  const brandName = ds.brand.authors.map(nameOf).join(', ');
  return {
    weeks: weeklySeries(ds, d, coreSet),
    network: {
      nodes: net.nodes.map((n) => ({ id: n.id, name: n.author === 'brand' ? brandName : nameOf(n.author), kind: n.kind, core: n.core, replies: n.replies })),
      edges: net.edges,
      limit: NETWORK_LIMIT,
      members: net.members,
    },
    core: { members: core.slice(0, CORE_LIST_LIMIT).map(nameOf), total: core.length },
  };
}
