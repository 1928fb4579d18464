// What a gate's offline face library needs: the changes of its site above the version it acked,
// collapsed to the last change per resident. Because each delta starts from the acked version
// (not from the previous delta), a newer sync can supersede an unacked older one without losing
// anything. A gate that is too far behind (its version predates what the change log keeps, or it
// reports a version it cannot hold) gets a full library instead.

export interface FacelibChangeRow {
  version: number;
  residentId: string;
  op: 'upsert' | 'remove';
}

export interface FacelibDelta {
  version: number;
  upserts: string[];
  removes: string[];
}

/** What one message may carry: bytes in all, and what an upsert / a removal costs. */
export interface FacelibDeltaBudget {
  maxBytes: number;
  upsertBytes: number;
  removeBytes: number;
}

/**
 * Collapses ordered changes (ascending version) above `fromVersion`. With a budget, it stops before
 * the change that would not fit in one message (at least one is always taken): the delta's version
 * is then the last change taken, and the rest follows once the gate acks it.
 */
export function collapseFacelibChanges(changes: readonly FacelibChangeRow[], fromVersion: number, budget?: FacelibDeltaBudget): FacelibDelta {
  const last = new Map<string, 'upsert' | 'remove'>();
  let version = fromVersion;
  let upserts = 0;
  let removes = 0;
  for (const c of changes) {
    if (c.version <= fromVersion) continue;
    const before = last.get(c.residentId);
    const u = upserts + (c.op === 'upsert' ? 1 : 0) - (before === 'upsert' ? 1 : 0);
    const r = removes + (c.op === 'remove' ? 1 : 0) - (before === 'remove' ? 1 : 0);
    if (budget && version > fromVersion && u * budget.upsertBytes + r * budget.removeBytes > budget.maxBytes) break;
    last.set(c.residentId, c.op);
    [upserts, removes] = [u, r];
    if (c.version > version) version = c.version;
  }
  const ups: string[] = [];
  const rems: string[] = [];
  for (const [id, op] of last) (op === 'upsert' ? ups : rems).push(id);
  return { version, upserts: ups.sort(), removes: rems.sort() };
}

export type FacelibSyncPlan = { kind: 'none' } | { kind: 'delta'; fromVersion: number } | { kind: 'full' };

/** A delta longer than this is sent as a full library (it would be about as large). */
export const MAX_DELTA_CHANGES = 5000;

export function planFacelibSync(input: {
  /** The version the gate acked (0 = never synced). */
  ackedVersion: number;
  /** The newest change of the site (0 = none). */
  latestVersion: number;
  /** The gate reported holding this version (an ack or telemetry), if known. */
  reportedVersion?: number | null;
  /** Changes of the site above ackedVersion. */
  pendingChanges: number;
}): FacelibSyncPlan {
  const { ackedVersion, latestVersion, reportedVersion } = input;
  // A gate holding less than it acked was reset or replaced: its library cannot be patched.
  if (reportedVersion != null && reportedVersion < ackedVersion) return { kind: 'full' };
  if (ackedVersion === 0) return latestVersion === 0 && (reportedVersion ?? 0) === 0 ? { kind: 'none' } : { kind: 'full' };
  if (latestVersion <= ackedVersion) return { kind: 'none' };
  if (input.pendingChanges > MAX_DELTA_CHANGES) return { kind: 'full' };
  return { kind: 'delta', fromVersion: ackedVersion };
}
