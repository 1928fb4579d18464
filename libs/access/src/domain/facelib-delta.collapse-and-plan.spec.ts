import { collapseFacelibChanges, MAX_DELTA_CHANGES, planFacelibSync } from './facelib-delta';

describe('face library deltas', () => {
  it('keeps only the last change per resident above the acked version', () => {
    const delta = collapseFacelibChanges(
      [
        { version: 3, residentId: 'a', op: 'upsert' },
        { version: 5, residentId: 'b', op: 'upsert' },
        { version: 6, residentId: 'a', op: 'remove' },
        { version: 8, residentId: 'c', op: 'upsert' },
        { version: 9, residentId: 'b', op: 'remove' },
        { version: 10, residentId: 'b', op: 'upsert' },
      ],
      4,
    );
    expect(delta).toEqual({ version: 10, upserts: ['b', 'c'], removes: ['a'] });
  });

  it('a newer delta from the same acked version contains everything an older one did', () => {
    const changes = [
      { version: 11, residentId: 'x', op: 'upsert' as const },
      { version: 12, residentId: 'y', op: 'remove' as const },
    ];
    const older = collapseFacelibChanges(changes.slice(0, 1), 10);
    const newer = collapseFacelibChanges(changes, 10);
    expect(newer.upserts).toEqual(expect.arrayContaining(older.upserts));
    expect(newer.version).toBeGreaterThan(older.version);
  });

  it('stops before the change that would not fit in one message; the rest follows from its version', () => {
    const changes = [
      { version: 11, residentId: 'a', op: 'upsert' as const },
      { version: 12, residentId: 'b', op: 'remove' as const },
      { version: 13, residentId: 'a', op: 'remove' as const }, // turns a's upsert into a removal: fits
      { version: 14, residentId: 'c', op: 'upsert' as const },
      { version: 15, residentId: 'd', op: 'upsert' as const },
    ];
    const budget = { maxBytes: 250, upsertBytes: 100, removeBytes: 40 };
    const first = collapseFacelibChanges(changes, 10, budget);
    expect(first).toEqual({ version: 14, upserts: ['c'], removes: ['a', 'b'] });
    expect(collapseFacelibChanges(changes, first.version, budget)).toEqual({ version: 15, upserts: ['d'], removes: [] });
    // One change is always taken, even one larger than the budget.
    expect(collapseFacelibChanges(changes, 10, { ...budget, maxBytes: 10 })).toEqual({ version: 11, upserts: ['a'], removes: [] });
  });

  it('sends nothing to a gate that is up to date', () => {
    expect(planFacelibSync({ ackedVersion: 7, latestVersion: 7, pendingChanges: 0 })).toEqual({ kind: 'none' });
  });

  it('sends a delta from the acked version when the gate is behind', () => {
    expect(planFacelibSync({ ackedVersion: 7, latestVersion: 9, pendingChanges: 2 })).toEqual({ kind: 'delta', fromVersion: 7 });
  });

  it('sends the full library to a new gate, a reset gate, or one too far behind', () => {
    expect(planFacelibSync({ ackedVersion: 0, latestVersion: 9, pendingChanges: 9 })).toEqual({ kind: 'full' });
    expect(planFacelibSync({ ackedVersion: 7, latestVersion: 9, reportedVersion: 0, pendingChanges: 2 })).toEqual({ kind: 'full' });
    expect(planFacelibSync({ ackedVersion: 7, latestVersion: 9999, pendingChanges: MAX_DELTA_CHANGES + 1 })).toEqual({ kind: 'full' });
  });

  it('does nothing for a site with no faces and a fresh gate', () => {
    expect(planFacelibSync({ ackedVersion: 0, latestVersion: 0, pendingChanges: 0 })).toEqual({ kind: 'none' });
  });
});
