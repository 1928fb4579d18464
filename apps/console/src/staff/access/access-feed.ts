// One row of the live feed, from either the access log (REST) or a live access.event.
import type { AccessEventPayload } from '@app/contracts/realtime/realtime-events';
import type { AccessEvent } from '../../api/views';

export interface FeedRow {
  id: string;
  at: string;
  deviceId: string;
  granted: boolean;
  method: string;
  reason: string | null;
  who: string;
}

export function rowFromLog(e: AccessEvent): FeedRow {
  return { id: e.id, at: e.at, deviceId: e.deviceId, granted: e.result === 'granted', method: e.method ?? e.type, reason: e.reason, who: e.personName ?? e.visitorName ?? e.personKind ?? 'unknown' };
}

export function rowFromLive(p: AccessEventPayload): FeedRow {
  return { id: p.id, at: p.at, deviceId: p.deviceId, granted: p.decision === 'granted', method: p.method, reason: p.reason ?? null, who: p.displayName ?? p.personKind ?? 'unknown' };
}

/** Newest first, no duplicates (a live event may also arrive in the first page), at most `max`. */
export function mergeFeed(rows: FeedRow[], incoming: FeedRow[], max = 50): FeedRow[] {
  const seen = new Set<string>();
  return [...incoming, ...rows]
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, max);
}
