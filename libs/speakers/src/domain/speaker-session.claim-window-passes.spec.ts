import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { speakerTimerId } from './speaker-timers';

describe('an unclaimed turn passes to the next resident after 2 minutes', () => {
  const T0 = at('2025-06-02T19:00');
  const endAt = T0 + 10 * MINUTE;
  const deadline = endAt + 2 * MINUTE;

  function offeredToBob(): SpeakerHarness {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.request('bob', {}, T0 + MINUTE);
    h.request('carol', {}, T0 + 2 * MINUTE);
    h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, endAt);
    return h;
  }

  it('keeps the offer open until the deadline', () => {
    const h = offeredToBob();
    const early = h.tick(deadline - 1);
    expect(early.effects).toEqual([]);
    expect(h.state.queue[0]).toMatchObject({ residentId: 'bob', claimDeadline: deadline });
  });

  it('at the deadline, drops bob, tells him, and offers carol a full window of her own', () => {
    const h = offeredToBob();
    const passed = h.tick(deadline);
    expect(h.notices('bob')).toEqual([{ kind: 'turn_missed' }]);
    expect(h.notices('carol')).toEqual([{ kind: 'turn_offered', claimDeadline: deadline + 2 * MINUTE }]);
    expect(passed.effects).toContainEqual({
      type: 'scheduleTimer',
      kind: 'claim_expiry',
      at: deadline + 2 * MINUTE,
      id: speakerTimerId('spk-1', 'claim_expiry', 'carol', deadline + 2 * MINUTE),
    });
    expect(h.queueIds()).toEqual(['carol']);
  });

  it('bob is out once it passed, even if his claim arrives before any timer ran', () => {
    const h = offeredToBob();
    const lateClaim = h.run({ type: 'claimTurn', residentId: 'bob' }, deadline + 1_000);
    expect(lateClaim.result).toEqual({ ok: false, code: 'not_in_queue', message: 'you are not in the queue for this speaker' });
    expect(h.notices('bob')).toEqual([{ kind: 'turn_missed' }]);
    expect(h.run({ type: 'claimTurn', residentId: 'carol' }, deadline + 2_000).result).toMatchObject({ ok: true, outcome: 'pairing' });
  });

  it('after a long outage, missed windows pass one by one but the next resident still gets a full window', () => {
    const h = offeredToBob();
    h.tick(deadline + 30 * MINUTE);
    expect(h.queueIds()).toEqual(['carol']);
    expect(h.state.queue[0].claimDeadline).toBe(deadline + 32 * MINUTE);
  });

  it('when the last resident lets it pass, the speaker is free again for the next request', () => {
    const h = new SpeakerHarness(zoneWith(), T0);
    h.startSession('alice');
    h.request('bob', {}, T0 + MINUTE);
    h.run({ type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, endAt);
    h.tick(deadline);
    expect(h.state.queue).toEqual([]);
    expect(h.effects('queueChanged')).toEqual([{ type: 'queueChanged', entries: [], blockedBy: null }]);
    expect(h.request('dave', {}, deadline + MINUTE).result).toMatchObject({ ok: true, outcome: 'pairing' });
  });
});
