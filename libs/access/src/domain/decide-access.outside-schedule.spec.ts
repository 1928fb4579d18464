import { decideAccess } from './decide-access';
import { alice, at, cleo, face, gate, input, sam } from './decide-access.fixtures';

describe('decideAccess: schedules', () => {
  const cleaner = (now: Date, gateId = 'door-b2') => decideAccess(input({ credential: face(cleo), person: cleo, gate: gate(gateId), now }));

  it('lets cleaning staff in on a weekday from 06:00 until 19:59', () => {
    expect(cleaner(at('2025-03-03T06:00')).decision).toBe('granted');
    expect(cleaner(at('2025-03-07T19:59')).decision).toBe('granted');
  });

  it('denies cleaning staff outside_schedule at 05:59, at 20:00 and on Saturday', () => {
    for (const t of ['2025-03-03T05:59', '2025-03-03T20:00', '2025-03-08T10:00']) {
      expect(cleaner(at(t))).toMatchObject({ decision: 'denied', reason: 'outside_schedule', display: 'Access not permitted at this time.' });
    }
  });

  it('denies cleaning staff on a site holiday that falls on a weekday', () => {
    expect(cleaner(at('2025-10-01T10:00')).reason).toBe('outside_schedule');
  });

  it('evaluates the schedule in the site time zone, not UTC', () => {
    // 23:30 UTC Sunday is 07:30 Monday in Shanghai
    expect(cleaner(new Date('2025-03-02T23:30:00Z')).decision).toBe('granted');
  });

  it('lets security staff through any gate at any hour', () => {
    expect(decideAccess(input({ credential: face(sam), person: sam, gate: gate('door-b2'), now: at('2025-03-08T03:00') })).decision).toBe('granted');
  });

  it('keeps residents out of the gym at night but lets them in by day', () => {
    expect(decideAccess(input({ credential: face(alice), gate: gate('gym'), now: at('2025-03-03T23:00') })).reason).toBe('outside_schedule');
    expect(decideAccess(input({ credential: face(alice), gate: gate('gym'), now: at('2025-03-03T07:00') })).decision).toBe('granted');
  });

  it('grants when any one of several applicable policies is open', () => {
    const night = { id: 'night', groupId: 'staff:cleaning', gateIds: ['door-b2'], schedule: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7] as const, from: '22:00', to: '02:00' }] } };
    const d = decideAccess(input({ credential: face(cleo), person: cleo, gate: gate('door-b2'), now: at('2025-03-08T23:00'), policies: [...input({ credential: face(cleo) }).policies, night] }));
    expect(d.decision).toBe('granted');
  });

  it('ignores the override flag outside lockdown', () => {
    expect(decideAccess(input({ credential: face(cleo), person: cleo, staffOverride: true, now: at('2025-03-08T10:00') })).reason).toBe('outside_schedule');
  });
});
