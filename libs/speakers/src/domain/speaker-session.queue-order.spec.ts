import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { speakerTimerId } from './speaker-timers';

describe('a busy speaker queues residents first come, first served', () => {
  const T0 = at('2025-06-02T19:00');

  function busy(): SpeakerHarness {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    return h;
  }

  it('gives each newcomer the next position and an estimated wait', () => {
    const h = busy();
    const bob = h.request('bob', {}, T0 + MINUTE);
    expect(bob.result).toEqual({ ok: true, outcome: 'queued', position: 1, estimatedWaitMs: 29 * MINUTE });
    expect(bob.effects).toEqual([
      { type: 'queueChanged', entries: [{ residentId: 'bob', position: 1, estimatedWaitMs: 29 * MINUTE, offered: false }], blockedBy: null },
    ]);
    const carol = h.request('carol', {}, T0 + 2 * MINUTE);
    expect(carol.result).toEqual({ ok: true, outcome: 'queued', position: 2, estimatedWaitMs: 58 * MINUTE });
    expect(h.queueIds()).toEqual(['bob', 'carol']);
  });

  it('asking again while queued keeps the place', () => {
    const h = busy();
    h.request('bob', {}, T0 + MINUTE);
    h.request('carol', {}, T0 + 2 * MINUTE);
    const again = h.request('bob', {}, T0 + 3 * MINUTE);
    expect(again.result).toEqual({ ok: true, outcome: 'queued', position: 1, estimatedWaitMs: 27 * MINUTE });
    expect(again.effects).toEqual([]);
    expect(h.queueIds()).toEqual(['bob', 'carol']);
  });

  it('when the session ends, the head of the queue is offered the turn with 2 minutes to claim it', () => {
    const h = busy();
    h.request('bob', {}, T0 + MINUTE);
    h.request('carol', {}, T0 + 2 * MINUTE);
    const endAt = T0 + 10 * MINUTE;
    const ended = h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, endAt);
    expect(ended.result).toEqual({ ok: true, outcome: 'done' });
    expect(h.effects('sendDisconnect')).toEqual([{ type: 'sendDisconnect', sessionId: 's1', reason: 'ended_by_resident' }]);
    expect(h.notices('alice')).toEqual([{ kind: 'session_ended', sessionId: 's1', reason: 'ended_by_resident', usedMs: 10 * MINUTE, note: null }]);
    const deadline = endAt + 2 * MINUTE;
    expect(h.notices('bob')).toEqual([{ kind: 'turn_offered', claimDeadline: deadline }]);
    expect(h.effects('scheduleTimer')).toEqual([
      { type: 'scheduleTimer', kind: 'claim_expiry', at: deadline, id: speakerTimerId('spk-1', 'claim_expiry', 'bob', deadline) },
    ]);
    expect(h.effects('queueChanged')).toEqual([
      {
        type: 'queueChanged',
        entries: [
          { residentId: 'bob', position: 1, estimatedWaitMs: 0, offered: true },
          { residentId: 'carol', position: 2, estimatedWaitMs: 30 * MINUTE, offered: false },
        ],
        blockedBy: null,
      },
    ]);
    expect(h.state.queue[0]).toEqual({ residentId: 'bob', joinedAt: T0 + MINUTE, offeredAt: endAt, claimDeadline: deadline });
  });

  it('claiming the turn starts pairing for the claimant and leaves the rest queued in order', () => {
    const h = busy();
    h.request('bob', {}, T0 + MINUTE);
    h.request('carol', {}, T0 + 2 * MINUTE);
    h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, T0 + 10 * MINUTE);
    const claim = h.run({ type: 'claimTurn', residentId: 'bob' }, T0 + 11 * MINUTE);
    expect(claim.result).toEqual({ ok: true, outcome: 'pairing', sessionId: 's2', code: '234567', until: T0 + 13 * MINUTE });
    expect(h.effects('cancelTimer')).toEqual([
      { type: 'cancelTimer', kind: 'claim_expiry', id: speakerTimerId('spk-1', 'claim_expiry', 'bob', T0 + 12 * MINUTE) },
    ]);
    expect(h.queueIds()).toEqual(['carol']);
    expect(h.state.session).toMatchObject({ residentId: 'bob', phase: 'pairing' });
  });

  it('someone not at the head cannot claim, and a newcomer cannot jump a waiting queue', () => {
    const h = busy();
    h.request('bob', {}, T0 + MINUTE);
    h.request('carol', {}, T0 + 2 * MINUTE);
    h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, T0 + 10 * MINUTE);
    expect(h.run({ type: 'claimTurn', residentId: 'carol' }).result).toMatchObject({ ok: false, code: 'not_your_turn' });
    expect(h.run({ type: 'claimTurn', residentId: 'dave' }).result).toMatchObject({ ok: false, code: 'not_in_queue' });
    // The speaker is silent while bob's offer runs, but dave still queues behind carol.
    expect(h.request('dave').result).toMatchObject({ ok: true, outcome: 'queued', position: 3 });
  });

  it('refuses to queue beyond the zone maximum', () => {
    const h = new SpeakerHarness(zoneWith({ maxQueueLength: 2 }), T0);
    h.startSession('alice');
    h.request('bob');
    h.request('carol');
    expect(h.request('dave').result).toEqual({ ok: false, code: 'queue_full', message: 'the queue for this speaker is full' });
    expect(h.queueIds()).toEqual(['bob', 'carol']);
  });
});
