import { SpeakerCommand } from './speaker-commands';
import { reduceSpeaker } from './speaker-session';
import { at, codeSequence, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { initialSpeakerState, SpeakerState } from './speaker-state';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const field of Object.values(value)) deepFreeze(field);
  }
  return value;
}

describe('the reducer is pure and replay-safe', () => {
  const T0 = at('2025-06-02T19:00');
  const zone = zoneWith();

  it('never mutates the state it is given', () => {
    const h = new SpeakerHarness(zone, T0);
    h.startSession('alice');
    h.request('bob');
    const frozen = deepFreeze(h.state);
    const snapshot = JSON.parse(JSON.stringify(frozen));
    const step = reduceSpeaker(frozen, { type: 'endSession', by: { kind: 'resident', residentId: 'alice' } }, h.context(T0 + MINUTE));
    expect(step.state.session).toBeNull();
    expect(JSON.parse(JSON.stringify(frozen))).toEqual(snapshot);
  });

  it('the same state, command and context give the same output (a crashed worker can replay a step)', () => {
    const state = initialSpeakerState('spk-1', 'lakeside', true);
    const command: SpeakerCommand = {
      type: 'requestSession',
      resident: { residentId: 'alice', holdings: [], sessionsToday: 0, banned: false },
    };
    const context = () => ({ now: T0, zone, random: codeSequence('042042'), newId: () => 'fixed-id' });
    const first = reduceSpeaker(state, command, context());
    const second = reduceSpeaker(state, command, context());
    expect(second).toEqual(first);
    expect(first.result).toMatchObject({ code: '042042' });
  });

  it('its state survives a JSON round trip (stored between steps)', () => {
    const h = new SpeakerHarness(zone, T0);
    h.startSession('alice');
    h.request('bob');
    const restored = JSON.parse(JSON.stringify(h.state)) as SpeakerState;
    const fromRestored = reduceSpeaker(restored, { type: 'tick' }, h.context(T0 + 30 * MINUTE));
    const fromLive = reduceSpeaker(h.state, { type: 'tick' }, h.context(T0 + 30 * MINUTE));
    expect(fromRestored.effects).toEqual(fromLive.effects);
  });

  it('a redelivered bt.connected for the running session is a no-op', () => {
    const h = new SpeakerHarness(zone, T0);
    h.startSession('alice');
    const before = h.state;
    const again = h.run({ type: 'btConnected', sessionId: 's1', code: '123456' }, T0 + MINUTE);
    expect(again.result).toEqual({ ok: true, outcome: 'done' });
    expect(again.effects).toEqual([]);
    expect(h.state).toEqual(before);
  });

  it('a timer that fires twice (or a sweep after it) does nothing the second time', () => {
    const h = new SpeakerHarness(zone, T0);
    h.startSession('alice');
    h.tick(T0 + 30 * MINUTE);
    expect(h.tick(T0 + 30 * MINUTE + 1).effects).toEqual([]);
  });

  it('keeps only the last ten ended sessions', () => {
    const h = new SpeakerHarness(zone, T0);
    for (let index = 0; index < 12; index++) {
      h.startSession(`r${index}`, T0 + index * MINUTE);
      h.run({ type: 'endSession', by: { kind: 'resident', residentId: `r${index}` } }, T0 + index * MINUTE + 30_000);
    }
    expect(h.state.recentlyEnded).toHaveLength(10);
    expect(h.state.recentlyEnded[0].sessionId).toBe('s12');
  });
});
