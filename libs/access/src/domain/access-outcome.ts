// What is stored with each access event (device_events.outcome) and pushed live. One shape for
// every way in: a face, a code, the gate's own offline decision, a remote open. No biometric data.
import type { AccessEventPayload } from '@app/contracts/realtime';
import type { ScanAnswerPlan } from './scan-replay';

export type AccessMethod = 'face' | 'qr' | 'face_local' | 'remote';
export type AccessCredentialKind = 'face' | 'resident_qr' | 'visitor_pass' | 'unknown_code' | 'face_local' | 'remote';
export type AccessPersonKind = 'resident' | 'staff' | 'visitor';

export type AccessOutcome = {
  method: AccessMethod;
  credential: AccessCredentialKind;
  result: 'granted' | 'denied';
  /** A deny reason from PROTOCOL.md, or why it was granted (policy, visitor_pass, lockdown_override, emergency_open, remote_open, offline). */
  reason: string;
  personId: string | null;
  personKind: AccessPersonKind | null;
  personName: string | null;
  /** The households this entry concerns (the resident's units, or the unit a visitor came to). */
  unitIds: string[];
  hostResidentId: string | null;
  passId: string | null;
  visitorName: string | null;
  /** Best cosine similarity (faces), also when below the threshold. */
  score: number | null;
  liveness: number | null;
  /** From taking the event in hand to the command being published. */
  latencyUs: number;
  command: { id: string; type: 'gate.open' | 'gate.deny'; status: 'sent' | 'failed' } | null;
  /** Set when no command was sent for this delivery (see planScanAnswer). */
  silent: Exclude<ScanAnswerPlan, { answer: true }>['why'] | null;
  /** Why the credential was unusable (malformed code, bad signature, expired code, wrong dimension…). */
  detail: string | null;
  /** Who opened remotely. */
  actorAccountId?: string | null;
};

export interface AccessEventIds {
  eventId: string;
  deviceId: string;
  siteId: string;
  at: Date;
}

/** The live payload of one stored outcome, for one room (unitId: the household room it goes to). */
export function accessEventPayload(ids: AccessEventIds, o: AccessOutcome, unitId: string | null, withName: boolean): AccessEventPayload {
  return {
    id: ids.eventId,
    // An access event never changes once decided.
    version: 1,
    at: ids.at.toISOString(),
    siteId: ids.siteId,
    deviceId: ids.deviceId,
    method: o.method,
    decision: o.result,
    ...(o.result === 'denied' ? { reason: o.reason } : {}),
    personId: o.personId,
    personKind: o.personKind ?? (o.passId ? 'visitor' : 'unknown'),
    ...(withName && (o.personName ?? o.visitorName) ? { displayName: (o.personName ?? o.visitorName) as string } : {}),
    unitId,
  };
}
