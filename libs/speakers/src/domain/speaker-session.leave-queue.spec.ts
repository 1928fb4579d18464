import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { speakerTimerId } from './speaker-timers';

describe('leaving the queue', () => {
  const T0 = at('2025-06-02T19:00');

  it('moves everyone behind up one place', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.request('bob');
    h.request('carol');
    h.request('dave');
    const left = h.run({ type: 'leaveQueue', residentId: 'carol' }, T0 + MINUTE);
    expect(h.queueIds()).toEqual(['bob', 'dave']);
    expect(left.effects).toEqual([
      {
        type: 'queueChanged',
        entries: [
          { residentId: 'bob', position: 1, estimatedWaitMs: 29 * MINUTE, offered: false },
          { residentId: 'dave', position: 2, estimatedWaitMs: 59 * MINUTE, offered: false },
        ],
        blockedBy: null,
      },
    ]);
  });

  it('the head leaving during its offer cancels the claim timer and offers the next', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.request('bob');
    h.request('carol');
    h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, T0 + 10 * MINUTE);
    h.run({ type: 'leaveQueue', residentId: 'bob' }, T0 + 11 * MINUTE);
    expect(h.effects('cancelTimer')).toEqual([
      { type: 'cancelTimer', kind: 'claim_expiry', id: speakerTimerId('spk-1', 'claim_expiry', 'bob', T0 + 12 * MINUTE) },
    ]);
    expect(h.notices('carol')).toEqual([{ kind: 'turn_offered', claimDeadline: T0 + 13 * MINUTE }]);
  });

  it('refuses someone who is not queued', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    expect(h.run({ type: 'leaveQueue', residentId: 'zoe' }).result).toEqual({
      ok: false,
      code: 'not_in_queue',
      message: 'you are not in the queue for this speaker',
    });
  });
});
