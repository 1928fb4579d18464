// Timer-driven work alongside the gate traffic: tickets with seconds-long SLAs (warning and breach
// jobs) and speaker sessions of one minute (warning and end jobs), so faults hit jobs while they
// are due. The checks say whether any effect ran twice and whether any timer never fired.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { io, Socket } from 'socket.io-client';
import type { SimSpeaker } from '@app/devices-sim';
import type { FaultWorld, Person } from './fault-world';

/** SLA targets short enough that a scenario sees warnings and breaches fall due. */
const FIRST_RESPONSE_S = 20;
const RESOLUTION_S = 40;
/** A timer later than this past its due time counts as never fired (the sweep runs every 30 s). */
const OVERDUE_S = 50;

export interface JobCounts {
  tickets: number;
  ticketErrors: number;
  slaSteps: number;
  slaStepsTwice: number;
  slaNoticesTwice: number;
  slaOverdue: number;
  sessions: number;
  sessionErrors: number;
  warningsSeen: number;
  warnedTwice: number;
  endedTwice: number;
  disconnectsTwice: number;
  sessionsOverdue: number;
}

export class JobLoad {
  private timers: NodeJS.Timeout[] = [];
  private readonly ticketIds: string[] = [];
  private ticketErrors = 0;
  private readonly sessions: { id: string; speakerId: string }[] = [];
  private sessionErrors = 0;
  private readonly warnings = new Map<string, number>();
  private readonly sockets = new Map<string, Socket>();
  private readonly busy = new Set<SimSpeaker>();
  private nextResident = 0;
  private stopped = false;

  constructor(private readonly w: FaultWorld) {}

  /** SLA settings, a zone of one-minute sessions, speakers placed in it, live sockets of the residents. */
  async prepare(): Promise<void> {
    const w = this.w;
    const manager = await w.token(w.managerLogin);
    const minutes = (s: number) => s / 60;
    const sla = await w.http('PUT', `/ticket-settings/${w.site.id}`, manager, {
      slaPolicy: { plumbing: { normal: { firstResponseMinutes: minutes(FIRST_RESPONSE_S), resolutionMinutes: minutes(RESOLUTION_S), hours: '24x7' } } },
    });
    if (sla.status !== 200) throw new Error(`ticket settings: ${sla.status} ${JSON.stringify(sla.body)}`);
    if (w.speakers.length === 0) return;
    // Quiet hours far from now, so a run at any time of day is not in them.
    const clock = (h: number) => DateTime.now().setZone(w.site.timezone).plus({ hours: h }).toFormat('HH:mm');
    const zone = await w.http<{ id: string }>('POST', '/speaker-zones', manager, {
      siteId: w.site.id,
      name: 'Fault garden',
      rules: { quietHours: { from: clock(6), to: clock(7), volumeCap: 20 }, maxSessionMinutes: 1, dailySessionCap: 1000 },
      timings: { warningSeconds: 15 },
    });
    if (zone.status !== 201) throw new Error(`zone: ${zone.status} ${JSON.stringify(zone.body)}`);
    for (const s of w.speakers) {
      const placed = await w.http('PUT', `/speakers/${s.deviceId}/zone`, manager, { zoneId: zone.body.id });
      if (placed.status !== 200) throw new Error(`place speaker: ${placed.status} ${JSON.stringify(placed.body)}`);
    }
    for (const r of w.residents) await this.watch(r);
  }

  /** A ticket every `ticketEveryMs`; every speaker kept in use (a new session when one ends). */
  start(ticketEveryMs: number): void {
    this.timers.push(setInterval(() => void this.reportTicket(), ticketEveryMs));
    if (this.w.speakers.length > 0) this.timers.push(setInterval(() => this.w.speakers.forEach((s) => void this.keepInUse(s)), 1000));
  }

  stop(): void {
    this.stopped = true;
    this.timers.forEach((t) => clearInterval(t));
    this.timers = [];
  }

  close(): void {
    this.stop();
    const sockets = [...this.sockets.values()];
    this.sockets.clear(); // before closing, so their disconnect does not reconnect them
    sockets.forEach((s) => s.close());
  }

  /** Waits until every timer of what was created has had time to fire (SLA resolution, session end + sweep slack). */
  async waitForTimers(): Promise<void> {
    await new Promise((r) => setTimeout(r, Math.max(RESOLUTION_S, 60) * 1000 + 35_000));
  }

  async counts(): Promise<{ counts: JobCounts; violations: string[] }> {
    const db = this.w.db;
    const tickets = this.ticketIds;
    const q = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await db.query(sql, params)).rows as T[];
    const [steps] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM ticket_activities WHERE action = 'escalation' AND "ticketId" = ANY($1::uuid[])`, [tickets]);
    const [stepsTwice] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM ticket_activities WHERE action = 'escalation' AND "ticketId" = ANY($1::uuid[]) GROUP BY "ticketId", after->>'target', after->>'level' HAVING count(*) > 1) d`,
      [tickets],
    );
    const [noticesTwice] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications WHERE kind LIKE 'sla.%' AND "refId" = ANY($1::text[]) GROUP BY "accountId", kind, "refId", title HAVING count(*) > 1) d`,
      [tickets],
    );
    const [slaOverdue] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE id = ANY($1::uuid[]) AND "slaNextEscalationAt" < now() - make_interval(secs => $2)`, [tickets, OVERDUE_S]);
    const ids = this.sessions.map((s) => s.id);
    const [endedTwice] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT id FROM speaker_sessions, jsonb_array_elements(timeline) e WHERE id = ANY($1::uuid[]) AND e->>'event' = 'ended' GROUP BY id HAVING count(*) > 1) d`,
      [ids],
    );
    const [sessionsOverdue] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM speaker_sessions WHERE id = ANY($1::uuid[]) AND status NOT IN ('ended', 'left', 'missed') AND "createdAt" < now() - make_interval(secs => $2)`,
      [ids, 60 + OVERDUE_S],
    );
    const counts: JobCounts = {
      tickets: tickets.length,
      ticketErrors: this.ticketErrors,
      slaSteps: steps.n,
      slaStepsTwice: stepsTwice.n,
      slaNoticesTwice: noticesTwice.n,
      slaOverdue: slaOverdue.n,
      sessions: ids.length,
      sessionErrors: this.sessionErrors,
      warningsSeen: [...this.warnings.values()].reduce((a, b) => a + b, 0),
      warnedTwice: [...this.warnings.values()].filter((n) => n > 1).length,
      endedTwice: endedTwice.n,
      disconnectsTwice: ids.filter((id) => (this.w.ledger.sessionDisconnects.get(id)?.size ?? 0) > 1).length,
      sessionsOverdue: sessionsOverdue.n,
    };
    const violations: string[] = [];
    if (counts.slaStepsTwice) violations.push(`${counts.slaStepsTwice} SLA steps recorded twice`);
    if (counts.slaNoticesTwice) violations.push(`${counts.slaNoticesTwice} SLA notices sent twice`);
    if (counts.slaOverdue) violations.push(`${counts.slaOverdue} tickets with an SLA timer that never fired`);
    if (counts.warnedTwice) violations.push(`${counts.warnedTwice} sessions warned twice`);
    if (counts.endedTwice) violations.push(`${counts.endedTwice} sessions ended twice`);
    if (counts.disconnectsTwice) violations.push(`${counts.disconnectsTwice} sessions disconnected twice`);
    if (counts.sessionsOverdue) violations.push(`${counts.sessionsOverdue} sessions never ended`);
    return { counts, violations };
  }

  private async reportTicket(): Promise<void> {
    if (this.stopped) return;
    const r = this.w.residents[this.ticketIds.length % this.w.residents.length];
    const res = await this.w.http<{ id: string }>('POST', '/tickets', await this.w.token(r.login), { category: 'plumbing', title: 'Tap drips', description: 'The kitchen tap drips', unitId: r.unitId });
    if (res.status === 201) this.ticketIds.push(res.body.id);
    else this.ticketErrors++;
  }

  private async keepInUse(speaker: SimSpeaker): Promise<void> {
    if (this.stopped || this.busy.has(speaker) || speaker.sessionId !== null) return;
    this.busy.add(speaker);
    try {
      const r = this.w.residents[this.nextResident++ % this.w.residents.length];
      const res = await this.w.http<{ status: string; sessionId: string; code: string }>('POST', `/speakers/${speaker.deviceId}/sessions`, await this.w.token(r.login));
      if (res.status !== 201 || res.body.status !== 'pairing') {
        this.sessionErrors++;
        return;
      }
      this.sessions.push({ id: res.body.sessionId, speakerId: speaker.deviceId });
      const mac = Array.from(randomBytes(6)).map((b) => b.toString(16).padStart(2, '0')).join(':');
      for (const end = Date.now() + 10_000; Date.now() < end; ) {
        if (speaker.pairPhone(res.body.code, mac)) return;
        await new Promise((r2) => setTimeout(r2, 200));
      }
    } finally {
      this.busy.delete(speaker);
    }
  }

  /** A resident's live connection, re-made against the current api after a restart. */
  private async watch(r: Person): Promise<void> {
    const token = await this.w.token(r.login);
    const connect = () => {
      const socket = io(this.w.api.url, { path: '/socket.io', transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
      socket.on('notification', (n: { kind: string; body: string | null }) => {
        if (n.kind !== 'speaker.session_ending_soon' || !n.body) return;
        const sessionId = (JSON.parse(n.body) as { sessionId: string }).sessionId;
        this.warnings.set(sessionId, (this.warnings.get(sessionId) ?? 0) + 1);
      });
      const retry = () => {
        if (this.sockets.get(r.accountId) !== socket) return;
        setTimeout(() => this.sockets.get(r.accountId) === socket && connect(), 1000);
      };
      socket.on('disconnect', retry);
      socket.on('connect_error', retry);
      this.sockets.set(r.accountId, socket);
    };
    connect();
  }
}
