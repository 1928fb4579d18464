// The access decision at a gate: one pure function from what the gate saw and what we know to
// granted/denied with a reason from PROTOCOL.md's list. Everything it needs is passed in (the
// caller holds it in memory), so it answers in microseconds and is tested scenario by scenario.
//
// Precedence, first match wins:
//  1. Gate in emergency_open → granted ('emergency_open') whatever was presented. It is the fire
//     egress mode: the door is held open anyway and nobody may be stopped on the way out; a
//     recognised person is still recorded.
//  2. Gate in lockdown → denied 'lockdown', except an active staff member identified by a live,
//     matched face or a valid resident-style code with the override flag, who is let through at any
//     gate and any hour (lockdowns are when security must move). Everyone else gets the same answer
//     whether unknown, spoofing or authorised, so the gate leaks nothing during an incident; the
//     log still has the score and liveness.
//  3. Liveness before matching: a face below the liveness threshold is 'liveness_failed' and is
//     not identified at all (a photo of a resident must not count as that resident).
//  4. Identity: no match / score below threshold → 'unknown_face'; a resident code that fails
//     verification or an unknown visitor token → 'not_authorized'.
//  5. The person: not in the directory → unknown_face (face) / not_authorized (codes); banned,
//     inactive or moved out → 'not_authorized'. For a visitor pass the person is the host: moving
//     out or being banned voids the passes they issued.
//  6. Visitor pass: revoked → not_authorized; past validUntil or expired → 'pass_expired'; before
//     validFrom → 'outside_schedule'; no uses left → 'pass_used_up'; a gate outside the pass's
//     gateIds → not_authorized. A pass without gateIds goes where its host may go right now.
//  7. Policies: none of the person's groups lists this gate → 'not_authorized'; listed but no
//     schedule open now → 'outside_schedule'; else granted ('policy'). The override flag changes
//     nothing outside lockdown.
// A granted visitor pass says consumePassUse: the caller must decrement the uses atomically and
// answer pass_used_up if that fails (two gates scanning a single-use pass at once).
import type { GATE_DENY_REASONS, GateMode } from '@app/contracts';
import { AccessPolicy, policiesFor } from './access-policy';
import { ResidentQrVerification } from './qr-token';
import { isWithinSchedule } from './weekly-schedule';

export type AccessDenyReason = (typeof GATE_DENY_REASONS)[number];
export type AccessGrantReason = 'policy' | 'visitor_pass' | 'lockdown_override' | 'emergency_open';

export interface FaceMatchResult {
  personId: string;
  score: number;
}

export type AccessCredential =
  | { kind: 'face'; match: FaceMatchResult | null; liveness: number }
  | { kind: 'resident_qr'; verification: ResidentQrVerification }
  /** pass = null: the token is malformed, unknown or its hash does not match. */
  | { kind: 'visitor_pass'; pass: VisitorPassView | null };

export interface VisitorPassView {
  id: string;
  status: 'active' | 'revoked' | 'expired' | 'used_up';
  usesLeft: number;
  validFrom: Date;
  validUntil: Date;
  /** null or empty: any gate the host may use. */
  gateIds: readonly string[] | null;
  visitorName: string;
  hostPersonId: string;
}

export interface AccessPerson {
  id: string;
  kind: 'resident' | 'staff' | 'visitor';
  active: boolean;
  movedOut?: boolean;
  banned?: boolean;
  groupIds: readonly string[];
  displayName?: string;
}

export interface AccessGate {
  id: string;
  mode: GateMode;
  /** The site's IANA time zone; schedules are evaluated in it. */
  timeZone: string;
}

export interface AccessThresholds {
  /** Minimum cosine similarity for a face match. */
  match: number;
  /** Minimum liveness score reported by the gate. */
  liveness: number;
}

export interface DecideAccessInput {
  credential: AccessCredential;
  /** The identified person (face match / resident code) or a visitor pass's host; null if unknown. */
  person: AccessPerson | null;
  /** The site's policies (the function picks those of the person's groups and this gate). */
  policies: readonly AccessPolicy[];
  gate: AccessGate;
  /** The identified staff member holds the lockdown-override privilege. */
  staffOverride?: boolean;
  now: Date | number;
  thresholds: AccessThresholds;
}

export type AccessDecision =
  | {
      decision: 'granted';
      reason: AccessGrantReason;
      display: string;
      personId: string | null;
      passId?: string;
      /** The caller must atomically take one use of `passId` before opening. */
      consumePassUse: boolean;
    }
  | { decision: 'denied'; reason: AccessDenyReason; display: string; personId: string | null; passId?: string };

export const DENY_DISPLAY: Readonly<Record<AccessDenyReason, string>> = {
  unknown_face: 'Face not recognised. Please use your QR code.',
  not_authorized: 'Access not permitted here.',
  outside_schedule: 'Access not permitted at this time.',
  pass_expired: 'This visitor pass has expired.',
  pass_used_up: 'This visitor pass has been used up.',
  liveness_failed: 'Please look straight at the camera and try again.',
  lockdown: 'Gate locked down. Please contact security.',
};

const deny = (reason: AccessDenyReason, personId: string | null = null, passId?: string): AccessDecision => ({
  decision: 'denied',
  reason,
  display: DENY_DISPLAY[reason],
  personId,
  ...(passId !== undefined ? { passId } : {}),
});

const grant = (reason: AccessGrantReason, display: string, personId: string | null, passId?: string): AccessDecision => ({
  decision: 'granted',
  reason,
  display,
  personId,
  ...(passId !== undefined ? { passId } : {}),
  consumePassUse: false,
});

export function decideAccess(input: DecideAccessInput): AccessDecision {
  const { credential, person, gate, thresholds } = input;
  const now = typeof input.now === 'number' ? input.now : input.now.getTime();

  // Who the credential says this is (before any person or policy check).
  const claimedId = claimedPersonId(input);

  if (gate.mode === 'emergency_open') return grant('emergency_open', 'Emergency: gate open.', claimedId, passIdOf(credential));

  if (gate.mode === 'lockdown') {
    const staff = claimedId !== null && person !== null && person.id === claimedId && isInGoodStanding(person) && person.kind === 'staff';
    if (staff && input.staffOverride === true && credential.kind !== 'visitor_pass') {
      return grant('lockdown_override', `Lockdown override${nameSuffix(person)}.`, person.id);
    }
    return deny('lockdown', claimedId, passIdOf(credential));
  }

  if (credential.kind === 'face') {
    if (!(credential.liveness >= thresholds.liveness)) return deny('liveness_failed');
    if (claimedId === null) return deny('unknown_face');
    if (person === null || person.id !== claimedId) return deny('unknown_face');
  } else if (credential.kind === 'resident_qr') {
    if (claimedId === null) return deny('not_authorized');
    if (person === null || person.id !== claimedId) return deny('not_authorized', claimedId);
  } else {
    const pass = credential.pass;
    if (pass === null) return deny('not_authorized');
    if (person === null || person.id !== pass.hostPersonId) return deny('not_authorized', null, pass.id);
  }

  if (!isInGoodStanding(person)) {
    // For a pass the person is the host, not who stands at the gate.
    return credential.kind === 'visitor_pass' ? deny('not_authorized', null, passIdOf(credential)) : deny('not_authorized', person.id);
  }

  if (credential.kind === 'visitor_pass' && credential.pass !== null) {
    return decideVisitorPass(credential.pass, person, input, now);
  }

  const verdict = policyVerdict(input, person, now);
  if (verdict !== 'open') return deny(verdict, person.id);
  return grant('policy', welcome(person), person.id);
}

function decideVisitorPass(pass: VisitorPassView, host: AccessPerson, input: DecideAccessInput, now: number): AccessDecision {
  if (pass.status === 'revoked') return deny('not_authorized', null, pass.id);
  if (pass.status === 'expired' || now >= pass.validUntil.getTime()) return deny('pass_expired', null, pass.id);
  if (now < pass.validFrom.getTime()) return deny('outside_schedule', null, pass.id);
  if (pass.status === 'used_up' || pass.usesLeft <= 0) return deny('pass_used_up', null, pass.id);
  if (pass.gateIds && pass.gateIds.length > 0) {
    if (!pass.gateIds.includes(input.gate.id)) return deny('not_authorized', null, pass.id);
  } else {
    const verdict = policyVerdict(input, host, now);
    if (verdict !== 'open') return deny(verdict, null, pass.id);
  }
  return {
    decision: 'granted',
    reason: 'visitor_pass',
    display: `Welcome, ${pass.visitorName}.`,
    personId: null,
    passId: pass.id,
    consumePassUse: true,
  };
}

function policyVerdict(input: DecideAccessInput, person: AccessPerson, now: number): 'open' | 'not_authorized' | 'outside_schedule' {
  const applicable = policiesFor(input.policies, person.groupIds, input.gate.id);
  if (applicable.length === 0) return 'not_authorized';
  const open = applicable.some((p) => p.schedule === null || isWithinSchedule(p.schedule, now, input.gate.timeZone));
  return open ? 'open' : 'outside_schedule';
}

function claimedPersonId(input: DecideAccessInput): string | null {
  const c = input.credential;
  if (c.kind === 'face') {
    return c.liveness >= input.thresholds.liveness && c.match !== null && c.match.score >= input.thresholds.match ? c.match.personId : null;
  }
  if (c.kind === 'resident_qr') return c.verification.ok ? c.verification.residentId : null;
  return null; // a visitor is not a person in the directory
}

/** Active, not moved out, not banned: the person may be let in at all. */
export function isInGoodStanding(person: AccessPerson): boolean {
  return person.active && person.movedOut !== true && person.banned !== true;
}

function passIdOf(c: AccessCredential): string | undefined {
  return c.kind === 'visitor_pass' && c.pass ? c.pass.id : undefined;
}

function nameSuffix(person: AccessPerson): string {
  return person.displayName ? `, ${person.displayName}` : '';
}

function welcome(person: AccessPerson): string {
  return person.kind === 'resident' ? `Welcome home${nameSuffix(person)}.` : `Welcome${nameSuffix(person)}.`;
}
