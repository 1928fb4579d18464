import { MINUTE, SpeakerHarness, at, zoneWith } from '../domain/speaker-harness.fixture';
import type { SpeakerCommand } from '../domain';
import { planSessionRecords } from './session-record-plan';

const t0 = at('2025-06-02T19:00');

// Runs one command and plans the history writes for that step.
function run(h: SpeakerHarness, command: SpeakerCommand, now: number) {
  const { result, effects } = h.run(command, now);
  return planSessionRecords([{ command, result, effects }], h.state, now);
}

const resident = (residentId: string) => ({ type: 'requestSession' as const, resident: { residentId, holdings: [], sessionsToday: 0, banned: false } });

describe('session history plan', () => {
  it('a free speaker: the session record starts in pairing', () => {
    const h = new SpeakerHarness(zoneWith(), t0);
    expect(run(h, resident('alice'), t0)).toEqual([
      { op: 'session', sessionId: 's1', residentId: 'alice', event: 'pairing', at: t0 },
      { op: 'close_queue_places_except', keep: [], at: t0 },
    ]);
  });

  it('a busy speaker: a queue place; asking again is the same (idempotent) place', () => {
    const h = new SpeakerHarness(zoneWith(), t0);
    h.startSession('alice', t0);
    expect(run(h, resident('bob'), t0)).toEqual([
      { op: 'queue_place', residentId: 'bob', at: t0 },
      { op: 'close_queue_places_except', keep: ['bob'], at: t0 },
    ]);
    expect(run(h, resident('bob'), t0)[0]).toEqual({ op: 'queue_place', residentId: 'bob', at: t0 });
  });

  it('an ended session carries its reason, used time, daily-cap flag and the staff note', () => {
    const h = new SpeakerHarness(zoneWith(), t0);
    h.startSession('alice', t0);
    const ops = run(h, { type: 'endSession', by: { kind: 'staff', staffId: 'st-1' }, sessionId: 's1', note: 'too loud' }, t0 + 5 * MINUTE);
    expect(ops[0]).toEqual({
      op: 'session',
      sessionId: 's1',
      residentId: 'alice',
      event: 'ended',
      at: t0 + 5 * MINUTE,
      reason: 'ended_by_staff',
      usedMs: 5 * MINUTE,
      countsTowardDailyCap: true,
      note: 'too loud',
    });
  });

  it('an unclaimed turn is recorded as missed and the place closed', () => {
    const h = new SpeakerHarness(zoneWith(), t0);
    h.startSession('alice', t0);
    h.request('bob', {}, t0);
    h.request('carol', {}, t0);
    h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' }, sessionId: 's1' }, t0 + MINUTE);
    const ops = run(h, { type: 'tick' }, t0 + 4 * MINUTE);
    expect(ops).toContainEqual({ op: 'turn_missed', residentId: 'bob', at: t0 + 4 * MINUTE });
    expect(ops[ops.length - 1]).toEqual({ op: 'close_queue_places_except', keep: ['carol'], at: t0 + 4 * MINUTE });
  });
});
