import { accessEventPayload, AccessOutcome } from './access-outcome';

const ids = { eventId: 'e1', deviceId: 'gate-1', siteId: 's1', at: new Date('2026-05-01T08:00:00Z') };
const base: AccessOutcome = {
  method: 'face',
  credential: 'face',
  result: 'granted',
  reason: 'policy',
  personId: 'r1',
  personKind: 'resident',
  personName: 'Li Wei',
  unitIds: ['u1'],
  hostResidentId: null,
  passId: null,
  visitorName: null,
  score: 0.61,
  liveness: 0.97,
  latencyUs: 800,
  command: { id: 'c1', type: 'gate.open', status: 'sent' },
  silent: null,
  detail: null,
};

describe('access event live payload', () => {
  it('carries the decision without a reason when granted, and the name only where asked', () => {
    const p = accessEventPayload(ids, base, 'u1', true);
    expect(p).toEqual({ id: 'e1', version: 1, at: '2026-05-01T08:00:00.000Z', siteId: 's1', deviceId: 'gate-1', method: 'face', decision: 'granted', personId: 'r1', personKind: 'resident', displayName: 'Li Wei', unitId: 'u1' });
    expect(accessEventPayload(ids, base, 'u1', false)).not.toHaveProperty('displayName');
  });

  it('gives the deny reason and calls a pass holder a visitor', () => {
    const p = accessEventPayload(ids, { ...base, result: 'denied', reason: 'pass_used_up', personId: null, personKind: null, personName: null, passId: 'p1', visitorName: 'Guest' }, 'u1', true);
    expect(p).toMatchObject({ decision: 'denied', reason: 'pass_used_up', personKind: 'visitor', displayName: 'Guest' });
  });

  it('never carries the score or liveness (the log has them, screens do not)', () => {
    const p = accessEventPayload(ids, base, null, true) as unknown as Record<string, unknown>;
    expect(p.score).toBeUndefined();
    expect(p.liveness).toBeUndefined();
  });
});
