import { INITIAL_DOOR_STATE, nextDoorState, type DoorState } from './door-state-machine';

describe('door state machine', () => {
  it('opens for durationMs and closes at the tick after it', () => {
    const opened = nextDoorState(INITIAL_DOOR_STATE, { type: 'open', durationMs: 5000, now: 1000 });
    expect(opened).toMatchObject({ accepted: true, doorChanged: 'open', state: { door: 'open', releaseUntil: 6000 } });
    expect(nextDoorState(opened.state, { type: 'tick', now: 5999 })).toMatchObject({ doorChanged: null, state: { door: 'open' } });
    expect(nextDoorState(opened.state, { type: 'tick', now: 6000 })).toMatchObject({ doorChanged: 'closed', state: { door: 'closed', releaseUntil: null } });
  });

  it('extends the release on a second open without reporting a second opening', () => {
    const first = nextDoorState(INITIAL_DOOR_STATE, { type: 'open', durationMs: 5000, now: 0 }).state;
    const second = nextDoorState(first, { type: 'open', durationMs: 5000, now: 3000 });
    expect(second).toMatchObject({ doorChanged: null, state: { releaseUntil: 8000 } });
  });

  it('refuses remote opens in lockdown and closes the door on entering it', () => {
    const open = nextDoorState(INITIAL_DOOR_STATE, { type: 'open', durationMs: 5000, now: 0 }).state;
    const locked = nextDoorState(open, { type: 'mode', mode: 'lockdown' });
    expect(locked).toMatchObject({ doorChanged: 'closed', state: { door: 'closed', mode: 'lockdown', releaseUntil: null } });
    expect(nextDoorState(locked.state, { type: 'open', durationMs: 5000, now: 10 })).toMatchObject({ accepted: false, state: locked.state });
  });

  it('holds the door open in emergency_open and closes it when back to normal', () => {
    const emergency = nextDoorState(INITIAL_DOOR_STATE, { type: 'mode', mode: 'emergency_open' });
    expect(emergency).toMatchObject({ doorChanged: 'open', state: { door: 'open', mode: 'emergency_open' } });
    expect(nextDoorState(emergency.state, { type: 'tick', now: 1e12 }).state.door).toBe('open');
    expect(nextDoorState(emergency.state, { type: 'mode', mode: 'normal' })).toMatchObject({ doorChanged: 'closed', state: { door: 'closed', mode: 'normal' } });
  });

  it('keeps a release running when switching lockdown → normal → (nothing open)', () => {
    const s: DoorState = { door: 'closed', mode: 'lockdown', releaseUntil: null };
    expect(nextDoorState(s, { type: 'mode', mode: 'normal' })).toMatchObject({ doorChanged: null, state: { mode: 'normal', door: 'closed' } });
  });
});
