import { AckErrorCode, type DeviceTelemetry } from '@app/contracts';
import { capture, DEFAULT_CAPTURE_NOISE, encodeEmbedding, impostor, livenessScore, trueFace } from '@app/contracts/embedding';
import { SimDevice } from '../device/sim-device';
import type { SimDeviceOptions } from '../device/sim-device-options';
import { INITIAL_DOOR_STATE, nextDoorState, type DoorAction, type DoorState } from './door-state-machine';
import { FaceLibrary } from './face-library';

/** What the gate last showed on its display (for scenarios and tests). */
export interface GateDisplay {
  kind: 'open' | 'deny';
  text?: string;
  reason?: string;
}

/**
 * A gate: door state machine driven by gate.open / gate.mode, a display for gate.deny, and a local
 * face library kept by facelib.sync. The behaviours the access issue needs grow here; the ways to
 * produce traffic are `presentFace`, `showQr`, `raiseAlarm`.
 */
export class SimGate extends SimDevice {
  private doorState: DoorState = INITIAL_DOOR_STATE;
  private closeTimer: NodeJS.Timeout | null = null;
  readonly faceLibrary = new FaceLibrary();
  // One stream for all captures: each capture of the same person gets fresh noise.
  private readonly faceRandom = this.random.fork('faces');
  lastDisplay: GateDisplay | null = null;
  /** Seed of the synthetic faces (shared with the seed data so residents' faces match). */
  faceSeed: number | string;

  constructor(options: Omit<SimDeviceOptions, 'kind'> & { faceSeed?: number | string }) {
    super({ ...options, kind: 'gate' });
    this.faceSeed = options.faceSeed ?? options.seed ?? 0;
    this.handleCommand('gate.open', (cmd) => {
      const accepted = this.transition({ type: 'open', durationMs: cmd.data.durationMs, now: this.now() });
      if (!accepted) return { ok: false, code: AckErrorCode.Lockdown, message: 'gate is in lockdown' };
      this.lastDisplay = { kind: 'open', text: cmd.data.display };
      return { ok: true, data: { door: this.doorState.door } };
    });
    this.handleCommand('gate.deny', (cmd) => {
      this.lastDisplay = { kind: 'deny', text: cmd.data.display, reason: cmd.data.reason };
      return { ok: true };
    });
    this.handleCommand('gate.mode', (cmd) => {
      this.transition({ type: 'mode', mode: cmd.data.mode });
      return { ok: true, data: { mode: this.doorState.mode } };
    });
    this.handleCommand('facelib.sync', (cmd) => {
      const result = this.faceLibrary.apply(cmd.data);
      return { ok: true, data: { version: result.version, applied: result.applied } };
    });
  }

  get door(): DoorState {
    return this.doorState;
  }

  /** A face at the camera: an enrolled person (by key, with capture noise) or a stranger. */
  presentFace(options: { personKey?: string; embedding?: Float32Array; spoof?: boolean } = {}): string {
    const rng = this.faceRandom.seeded;
    const vector =
      options.embedding ??
      (options.personKey !== undefined ? capture(trueFace(this.faceSeed, options.personKey), DEFAULT_CAPTURE_NOISE, rng) : impostor(rng));
    return this.emitEvent('access.face', {
      embedding: encodeEmbedding(vector),
      dim: vector.length,
      liveness: livenessScore(rng, options.spoof ? 'spoof' : 'live'),
    });
  }

  showQr(token: string): string {
    return this.emitEvent('access.qr', { token });
  }

  raiseAlarm(kind: 'forced_open' | 'held_open' | 'tamper', detail?: string): string {
    return this.emitEvent('alarm', detail === undefined ? { kind } : { kind, detail });
  }

  protected override telemetryState(): Partial<DeviceTelemetry> {
    return {
      door: this.doorState.door,
      mode: this.doorState.mode,
      facelibVersion: this.faceLibrary.version,
      facelibSize: this.faceLibrary.size,
    };
  }

  /** Applies an action, reports door movement, (re)arms the close timer. Returns `accepted`. */
  private transition(action: DoorAction): boolean {
    const result = nextDoorState(this.doorState, action);
    this.doorState = result.state;
    if (result.doorChanged) this.emitEvent('door.state', { state: result.doorChanged });
    this.cancel(this.closeTimer);
    this.closeTimer = null;
    if (this.doorState.releaseUntil !== null) {
      this.closeTimer = this.later(Math.max(0, this.doorState.releaseUntil - this.now()), () => {
        this.closeTimer = null;
        this.transition({ type: 'tick', now: this.now() });
      });
    }
    return result.accepted;
  }
}
