import type { GateMode } from '@app/contracts';

// The gate's door and mode as a pure state machine, so the rules are testable without MQTT:
// - gate.open releases the door for durationMs (a second open extends the release);
// - lockdown refuses remote opens and closes the door; emergency_open holds it open;
// - a released door closes when its time is up, unless the gate is in emergency_open.

export interface DoorState {
  door: 'open' | 'closed';
  mode: GateMode;
  /** When a released door closes again (ms since epoch); null when not released. */
  releaseUntil: number | null;
}

export type DoorAction =
  | { type: 'open'; durationMs: number; now: number }
  | { type: 'mode'; mode: GateMode }
  | { type: 'tick'; now: number };

export interface DoorTransition {
  state: DoorState;
  /** False when the action was refused (open during lockdown). */
  accepted: boolean;
  /** Door movement to report as a door.state event, if any. */
  doorChanged: 'open' | 'closed' | null;
}

export const INITIAL_DOOR_STATE: DoorState = { door: 'closed', mode: 'normal', releaseUntil: null };

export function nextDoorState(state: DoorState, action: DoorAction): DoorTransition {
  switch (action.type) {
    case 'open': {
      if (state.mode === 'lockdown') return { state, accepted: false, doorChanged: null };
      if (state.mode === 'emergency_open') return { state, accepted: true, doorChanged: null };
      const releaseUntil = Math.max(state.releaseUntil ?? 0, action.now + action.durationMs);
      return { state: { ...state, door: 'open', releaseUntil }, accepted: true, doorChanged: state.door === 'closed' ? 'open' : null };
    }
    case 'mode': {
      if (action.mode === 'emergency_open') {
        return {
          state: { door: 'open', mode: 'emergency_open', releaseUntil: null },
          accepted: true,
          doorChanged: state.door === 'closed' ? 'open' : null,
        };
      }
      // normal or lockdown: the door closes (a release in progress is cancelled by lockdown only).
      if (action.mode === 'lockdown' || state.mode === 'emergency_open') {
        return {
          state: { door: 'closed', mode: action.mode, releaseUntil: null },
          accepted: true,
          doorChanged: state.door === 'open' ? 'closed' : null,
        };
      }
      return { state: { ...state, mode: action.mode }, accepted: true, doorChanged: null };
    }
    case 'tick': {
      if (state.releaseUntil === null || action.now < state.releaseUntil || state.mode === 'emergency_open') {
        return { state, accepted: true, doorChanged: null };
      }
      return { state: { ...state, door: 'closed', releaseUntil: null }, accepted: true, doorChanged: state.door === 'open' ? 'closed' : null };
    }
  }
}
