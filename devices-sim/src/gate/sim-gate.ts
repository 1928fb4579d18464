import { AckErrorCode, type DeviceTelemetry } from '@app/contracts';
import { capture, DEFAULT_CAPTURE_NOISE, encodeEmbedding, impostor, livenessScore, trueFace } from '@app/contracts/embedding';
import { SimDevice } from '../device/sim-device';
import type { SimDeviceOptions } from '../device/sim-device-options';
import { INITIAL_DOOR_STATE, nextDoorState, type DoorAction, type DoorState } from './door-state-machine';
import { FaceLibrary } from './face-library';
import { decideLocally, LocalDecision, LocalMatchEntry, toLocalEntry } from './local-face-match';

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
  /** Scan → answer latencies (ms) of every gate.open/deny that answered a scan of this gate. */
  readonly answerLatenciesMs: number[] = [];
  /** Decisions this gate took alone (the backend was unreachable). */
  readonly localDecisions: LocalDecision[] = [];
  private readonly pendingScans = new Map<string, number>();
  private localEntries: LocalMatchEntry[] | null = null;
  private wasOnline = false;
  /** Seed of the synthetic faces (shared with the seed data so residents' faces match). */
  faceSeed: number | string;

  constructor(options: Omit<SimDeviceOptions, 'kind'> & { faceSeed?: number | string }) {
    super({ ...options, kind: 'gate' });
    this.faceSeed = options.faceSeed ?? options.seed ?? 0;
    this.on('connected', () => (this.wasOnline = true));
    this.handleCommand('gate.open', (cmd) => {
      this.answered(cmd.requestId);
      const accepted = this.transition({ type: 'open', durationMs: cmd.data.durationMs, now: this.now() });
      if (!accepted) return { ok: false, code: AckErrorCode.Lockdown, message: 'gate is in lockdown' };
      this.lastDisplay = { kind: 'open', text: cmd.data.display };
      return { ok: true, data: { door: this.doorState.door } };
    });
    this.handleCommand('gate.deny', (cmd) => {
      this.answered(cmd.requestId);
      this.lastDisplay = { kind: 'deny', text: cmd.data.display, reason: cmd.data.reason };
      return { ok: true };
    });
    this.handleCommand('gate.mode', (cmd) => {
      this.transition({ type: 'mode', mode: cmd.data.mode });
      return { ok: true, data: { mode: this.doorState.mode } };
    });
    this.handleCommand('facelib.sync', (cmd) => {
      const result = this.faceLibrary.apply(cmd.data);
      if (result.refused) return { ok: false, code: AckErrorCode.ChunkOutOfOrder, message: 'earlier chunks of this library are missing' };
      if (result.applied) this.localEntries = null;
      return { ok: true, data: { version: result.version, applied: result.applied, ...(result.staged !== undefined ? { staged: result.staged } : {}) } };
    });
  }

  get door(): DoorState {
    return this.doorState;
  }

  /**
   * A face at the camera: an enrolled person (by key, with capture noise) or a stranger. Online, it
   * goes to the backend as `access.face`; while the gate is offline it decides from its synced
   * library, opens (or not) at once, and queues an `access.face_local` that the outbox delivers
   * when the connection is back.
   */
  presentFace(options: { personKey?: string; embedding?: Float32Array; spoof?: boolean } = {}): string {
    const rng = this.faceRandom.seeded;
    const vector =
      options.embedding ??
      (options.personKey !== undefined ? capture(trueFace(this.faceSeed, options.personKey), DEFAULT_CAPTURE_NOISE, rng) : impostor(rng));
    const liveness = livenessScore(rng, options.spoof ? 'spoof' : 'live');
    // Only a gate that lost its connection decides locally (while offline or reconnecting); one still
    // making its first connection queues the scan like any event, so a seeded run does not depend on
    // connect timing.
    if (this.wasOnline && this.status !== 'online') return this.decideOffline(vector, liveness);
    const id = this.emitEvent('access.face', { embedding: encodeEmbedding(vector), dim: vector.length, liveness });
    this.trackScan(id);
    return id;
  }

  /** Scans still waiting for their answer. */
  get unansweredScans(): number {
    return this.pendingScans.size;
  }

  private decideOffline(vector: Float32Array, liveness: number): string {
    this.localEntries ??= this.faceLibrary
      .personIds()
      .map((id) => {
        const e = this.faceLibrary.get(id)!;
        return toLocalEntry(id, e.embedding, e.validUntil, vector.length);
      })
      .filter((e): e is LocalMatchEntry => e !== null);
    const d = decideLocally(this.localEntries, vector, liveness, this.now());
    this.localDecisions.push(d);
    if (d.decision === 'granted') this.transition({ type: 'open', durationMs: 5000, now: this.now() });
    return this.emitEvent('access.face_local', { ...(d.personId ? { personId: d.personId } : {}), score: d.score, decision: d.decision, reason: d.reason });
  }

  private trackScan(id: string): void {
    this.pendingScans.set(id, this.now());
    // Scans never answered (the backend lost them) must not pile up forever.
    if (this.pendingScans.size > 10_000) this.pendingScans.delete(this.pendingScans.keys().next().value as string);
  }

  private answered(requestId: string | undefined): void {
    if (!requestId) return;
    const at = this.pendingScans.get(requestId);
    if (at === undefined) return;
    this.pendingScans.delete(requestId);
    this.answerLatenciesMs.push(this.now() - at);
  }

  showQr(token: string): string {
    const id = this.emitEvent('access.qr', { token });
    if (this.status === 'online') this.trackScan(id);
    return id;
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
