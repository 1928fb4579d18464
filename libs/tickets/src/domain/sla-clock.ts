// SLA due times recomputed from a ticket's whole history. Two targets run from creation: first
// response and resolution. The clocks run in new / assigned / in_progress / reopened, pause in on_hold,
// stop at resolved (a reopen resumes the resolution clock where it stopped: the time spent resolved
// does not count), and stop for good at cancelled. Changing category or priority simply means
// recomputing with the new target: due times always come from creation plus the whole timeline.
import { addBusinessMs, BusinessCalendar, businessMsBetween } from './business-calendar';
import { SlaHours, SlaTarget } from './sla-policy';
import { SLA_RUNNING_STATUSES, TicketStatus } from './ticket-status';

/** Warnings fire when this share of a target has elapsed; breaches at 100 %. */
export const SLA_WARN_FRACTION = 0.8;
const MINUTE_MS = 60_000;

export interface SlaStatusChange {
  at: Date;
  to: TicketStatus;
}

export interface SlaTimeline {
  createdAt: Date;
  /** Every status change since creation, oldest first; the status before the first one is 'new'. */
  statusChanges: readonly SlaStatusChange[];
  /** First response to the reporter (first public staff comment or start of work), if any. */
  firstResponseAt?: Date | null;
}

export type SlaTargetKind = 'first_response' | 'resolution';
export type SlaClockState = 'running' | 'paused' | 'met' | 'stopped';
export type SlaState = 'ok' | 'at_risk' | 'breached';

export interface SlaTargetClock {
  kind: SlaTargetKind;
  targetMinutes: number;
  state: SlaClockState;
  /** 80 % of the target; null only while paused before reaching it. For met/stopped clocks: as it stood then. */
  warnAt: Date | null;
  /** 100 % of the target; null only while paused before reaching it. */
  dueAt: Date | null;
  metAt: Date | null;
  /** When the clock stopped for good (met, or the ticket was cancelled without meeting it). */
  stoppedAt: Date | null;
  /** Clock time used when it stopped or paused (business time for business-hours targets); null while running. */
  consumedMs: number | null;
  /** While paused: clock time left, 0 when already past due; otherwise null. */
  remainingMs: number | null;
}

/** What a ticket row stores (and the console filters on). */
export interface SlaSnapshot {
  firstResponseWarnAt: Date | null;
  firstResponseDueAt: Date | null;
  firstResponseMetAt: Date | null;
  resolutionWarnAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionMetAt: Date | null;
  /** The clocks stopped without meeting their targets (the ticket was cancelled). */
  stoppedAt: Date | null;
  /** On hold: due times not reached yet are unknown until work resumes. */
  paused: boolean;
}

export interface SlaDueTimes extends SlaSnapshot {
  /** The target escalations are about now: first response while it is pending, then resolution; null when none is. */
  nextTarget: SlaTargetKind | null;
  /** 80 % of nextTarget. */
  warnAt: Date | null;
  /** 100 % of nextTarget. */
  breachAt: Date | null;
  firstResponse: SlaTargetClock;
  resolution: SlaTargetClock;
}

interface Segment {
  from: number;
  to: number | null; // null: still running
}

type ClockEnd = { kind: 'running' } | { kind: 'paused' } | { kind: 'met' | 'stopped'; at: number };

interface Clock {
  hours: SlaHours;
  calendar: BusinessCalendar;
}

function elapsed(from: number, to: number, clock: Clock): number {
  if (to <= from) return 0;
  return clock.hours === '24x7' ? to - from : businessMsBetween(new Date(from), new Date(to), clock.calendar);
}

function advance(from: number, ms: number, clock: Clock): number {
  return clock.hours === '24x7' ? from + ms : addBusinessMs(new Date(from), ms, clock.calendar).getTime();
}

/** The instant at which `targetMs` of clock time has run over the segments; null if they end first. */
function instantAt(segments: readonly Segment[], targetMs: number, clock: Clock): number | null {
  let remaining = targetMs;
  for (const seg of segments) {
    if (seg.to === null) return advance(seg.from, remaining, clock);
    const used = elapsed(seg.from, seg.to, clock);
    if (remaining <= used) return advance(seg.from, remaining, clock);
    remaining -= used;
  }
  return null;
}

function clip(segments: readonly Segment[], at: number): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    if (seg.from >= at) break;
    out.push({ from: seg.from, to: seg.to === null ? at : Math.min(seg.to, at) });
  }
  return out;
}

function consumedBy(segments: readonly Segment[], clock: Clock): number {
  return segments.reduce((sum, s) => sum + elapsed(s.from, s.to as number, clock), 0);
}

function evaluate(kind: SlaTargetKind, targetMinutes: number, segments: readonly Segment[], end: ClockEnd, clock: Clock): SlaTargetClock {
  const targetMs = targetMinutes * MINUTE_MS;
  const warnMs = Math.round(targetMs * SLA_WARN_FRACTION);
  const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));
  if (end.kind === 'met' || end.kind === 'stopped') {
    const before = clip(segments, end.at);
    // Due times of a stopped clock are those it had: the clock as if it had kept running from then.
    const extended = [...before, { from: end.at, to: null }];
    return {
      kind,
      targetMinutes,
      state: end.kind,
      warnAt: toDate(instantAt(extended, warnMs, clock)),
      dueAt: toDate(instantAt(extended, targetMs, clock)),
      metAt: end.kind === 'met' ? new Date(end.at) : null,
      stoppedAt: new Date(end.at),
      consumedMs: consumedBy(before, clock),
      remainingMs: null,
    };
  }
  if (end.kind === 'paused') {
    const consumed = consumedBy(segments, clock);
    return {
      kind,
      targetMinutes,
      state: 'paused',
      warnAt: toDate(instantAt(segments, warnMs, clock)),
      dueAt: toDate(instantAt(segments, targetMs, clock)),
      metAt: null,
      stoppedAt: null,
      consumedMs: consumed,
      remainingMs: Math.max(0, targetMs - consumed),
    };
  }
  return {
    kind,
    targetMinutes,
    state: 'running',
    warnAt: toDate(instantAt(segments, warnMs, clock)),
    dueAt: toDate(instantAt(segments, targetMs, clock)),
    metAt: null,
    stoppedAt: null,
    consumedMs: null,
    remainingMs: null,
  };
}

interface History {
  segments: Segment[];
  status: TicketStatus;
  lastChangeAt: number;
  firstResolvedAt: number | null;
  lastResolvedAt: number | null;
}

function readHistory(timeline: SlaTimeline): History {
  const created = timeline.createdAt.getTime();
  // Stable sort: changes recorded in the same millisecond keep their order.
  const changes = timeline.statusChanges
    .map((c, i) => ({ at: Math.max(created, c.at.getTime()), to: c.to, i }))
    .sort((x, y) => x.at - y.at || x.i - y.i);
  const segments: Segment[] = [];
  let status: TicketStatus = 'new';
  let since = created;
  let firstResolvedAt: number | null = null;
  let lastResolvedAt: number | null = null;
  for (const change of changes) {
    if (SLA_RUNNING_STATUSES.has(status) && change.at > since) segments.push({ from: since, to: change.at });
    status = change.to;
    since = change.at;
    if (status === 'resolved') {
      firstResolvedAt ??= change.at;
      lastResolvedAt = change.at;
    }
  }
  if (SLA_RUNNING_STATUSES.has(status)) segments.push({ from: since, to: null });
  return { segments, status, lastChangeAt: since, firstResolvedAt, lastResolvedAt };
}

function endOfFirstResponse(h: History, firstResponseAt: number | null): ClockEnd {
  // Resolving a ticket answers the reporter too.
  const candidates = [firstResponseAt, h.firstResolvedAt].filter((t): t is number => t !== null);
  if (candidates.length > 0) return { kind: 'met', at: Math.min(...candidates) };
  if (h.status === 'cancelled' || h.status === 'closed') return { kind: 'stopped', at: h.lastChangeAt };
  if (h.status === 'on_hold') return { kind: 'paused' };
  return { kind: 'running' };
}

function endOfResolution(h: History): ClockEnd {
  if ((h.status === 'resolved' || h.status === 'closed') && h.lastResolvedAt !== null) return { kind: 'met', at: h.lastResolvedAt };
  if (h.status === 'cancelled' || h.status === 'closed') return { kind: 'stopped', at: h.lastChangeAt };
  if (h.status === 'on_hold') return { kind: 'paused' };
  return { kind: 'running' };
}

/**
 * Due times of both targets from the whole history: creation, every status change (pauses on hold,
 * stops at resolved, resumes on reopen) and the first response. Business-hours targets count only
 * the calendar's working time; 24/7 targets count every millisecond (so DST changes do not matter).
 */
export function computeDueTimes(timeline: SlaTimeline, policy: SlaTarget, calendar: BusinessCalendar): SlaDueTimes {
  const clock: Clock = { hours: policy.hours, calendar };
  const h = readHistory(timeline);
  const firstResponseAt = timeline.firstResponseAt ? Math.max(timeline.createdAt.getTime(), timeline.firstResponseAt.getTime()) : null;
  const frEnd = endOfFirstResponse(h, firstResponseAt);
  const firstResponse = evaluate('first_response', policy.firstResponseMinutes, h.segments, frEnd, clock);
  const resolution = evaluate('resolution', policy.resolutionMinutes, h.segments, endOfResolution(h), clock);
  const pending = (c: SlaTargetClock) => c.state === 'running' || c.state === 'paused';
  const next = pending(firstResponse) ? firstResponse : pending(resolution) ? resolution : null;
  return {
    firstResponseWarnAt: firstResponse.warnAt,
    firstResponseDueAt: firstResponse.dueAt,
    firstResponseMetAt: firstResponse.metAt,
    resolutionWarnAt: resolution.warnAt,
    resolutionDueAt: resolution.dueAt,
    resolutionMetAt: resolution.metAt,
    stoppedAt: resolution.state === 'stopped' ? resolution.stoppedAt : null,
    paused: h.status === 'on_hold',
    nextTarget: next?.kind ?? null,
    warnAt: next?.warnAt ?? null,
    breachAt: next?.dueAt ?? null,
    firstResponse,
    resolution,
  };
}

/** Only the columns a ticket row stores. */
export function toSlaSnapshot(due: SlaSnapshot): SlaSnapshot {
  return {
    firstResponseWarnAt: due.firstResponseWarnAt,
    firstResponseDueAt: due.firstResponseDueAt,
    firstResponseMetAt: due.firstResponseMetAt,
    resolutionWarnAt: due.resolutionWarnAt,
    resolutionDueAt: due.resolutionDueAt,
    resolutionMetAt: due.resolutionMetAt,
    stoppedAt: due.stoppedAt,
    paused: due.paused,
  };
}

const SEVERITY: Record<SlaState, number> = { ok: 0, at_risk: 1, breached: 2 };

function targetState(now: number, warnAt: Date | null, dueAt: Date | null, metAt: Date | null, stoppedAt: Date | null): SlaState {
  // Met exactly on the due instant is on time; a clock still running at that instant has breached.
  if (metAt) return dueAt && metAt.getTime() > dueAt.getTime() ? 'breached' : 'ok';
  if (stoppedAt) return dueAt && dueAt.getTime() < stoppedAt.getTime() ? 'breached' : 'ok';
  if (dueAt && now >= dueAt.getTime()) return 'breached';
  if (warnAt && now >= warnAt.getTime()) return 'at_risk';
  return 'ok';
}

/**
 * The worse of the two targets at `now`: breached once a due time has passed without the target
 * being met (or it was met late), at risk past 80 %, else ok. A paused clock keeps the state it had.
 */
export function slaState(now: Date, sla: SlaSnapshot): SlaState {
  const t = now.getTime();
  const fr = targetState(t, sla.firstResponseWarnAt, sla.firstResponseDueAt, sla.firstResponseMetAt, sla.stoppedAt);
  const res = targetState(t, sla.resolutionWarnAt, sla.resolutionDueAt, sla.resolutionMetAt, sla.stoppedAt);
  return SEVERITY[fr] >= SEVERITY[res] ? fr : res;
}
