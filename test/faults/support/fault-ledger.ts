// What the simulated devices saw, for the fault invariants: every event a gate queued (its outbox
// delivers it at least once), every door command the backend published for a scan (seen by an
// observer subscribed to the command topics), and every command a gate actually executed, with the
// gate's own clock at that moment (a gate.open executed after its expiresAt is a late open).
import type { DeviceCommand, DeviceEventType } from '@app/contracts';

export interface SentEvent {
  gateId: string;
  type: DeviceEventType;
  at: number;
}

const SCAN_TYPES = new Set<string>(['access.face', 'access.qr']);

export class FaultLedger {
  readonly sent = new Map<string, SentEvent>();
  /** Scan id → distinct door command ids published for it (from the observer). */
  readonly doorCommands = new Map<string, Set<string>>();
  /** Scan id → when the gate executed its first answer. */
  readonly answeredAt = new Map<string, number>();
  /** Scan id → executions of a door command at the gate (a second one is a second door action). */
  readonly executions = new Map<string, number>();
  lateOpens = 0;
  /** Opens executed more than STALE_MS after the scan (a door opening for someone long gone). */
  staleOpens = 0;
  /** Speaker session id → distinct speaker.disconnect command ids (one session end, one disconnect). */
  readonly sessionDisconnects = new Map<string, Set<string>>();

  static readonly STALE_MS = 10_000;

  queued(gateId: string, id: string, type: DeviceEventType, at = Date.now()): void {
    this.sent.set(id, { gateId, type, at });
  }

  /** A command published by the backend (observer). */
  published(command: Pick<DeviceCommand, 'id' | 'type' | 'requestId' | 'data'>): void {
    if ((command.type === 'gate.open' || command.type === 'gate.deny') && command.requestId) addTo(this.doorCommands, command.requestId, command.id);
    if (command.type === 'speaker.disconnect') addTo(this.sessionDisconnects, String((command.data as { sessionId?: string }).sessionId), command.id);
  }

  /** A command a gate executed, with the gate's clock at that moment. */
  executed(command: DeviceCommand, gateNow: number): void {
    if (command.type !== 'gate.open' && command.type !== 'gate.deny') return;
    if (command.type === 'gate.open' && gateNow > Date.parse(command.expiresAt)) this.lateOpens++;
    const scanId = command.requestId;
    if (!scanId) return;
    this.executions.set(scanId, (this.executions.get(scanId) ?? 0) + 1);
    const scan = this.sent.get(scanId);
    if (!this.answeredAt.has(scanId)) this.answeredAt.set(scanId, Date.now());
    if (command.type === 'gate.open' && scan && Date.now() - scan.at > FaultLedger.STALE_MS) this.staleOpens++;
  }

  scanIds(from = 0, to = Infinity): string[] {
    return [...this.sent].filter(([, e]) => SCAN_TYPES.has(e.type) && e.at >= from && e.at < to).map(([id]) => id);
  }

  eventIds(type?: DeviceEventType): string[] {
    return [...this.sent].filter(([, e]) => type === undefined || e.type === type).map(([id]) => id);
  }

  /** Scan → answer latencies (ms) of scans sent in [from, to). */
  latencies(from = 0, to = Infinity): number[] {
    const out: number[] = [];
    for (const id of this.scanIds(from, to)) {
      const t = this.answeredAt.get(id);
      if (t !== undefined) out.push(t - this.sent.get(id)!.at);
    }
    return out;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

export interface Percentiles {
  n: number;
  p50: number;
  p99: number;
}

export function percentiles(values: number[]): Percentiles {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN);
  return { n: s.length, p50: q(0.5), p99: q(0.99) };
}
