import type { SimDeviceStats } from '../device/sim-device-options';

export interface CommunityTotals {
  devices: number;
  online: number;
  gates: number;
  speakers: number;
  eventsQueued: number;
  eventsSent: number;
  eventsAcked: number;
  eventsResent: number;
  duplicatesSent: number;
  outboxSize: number;
  outboxDropped: number;
  commandsReceived: number;
  commandsExecuted: number;
  commandsExpired: number;
  commandsRejected: number;
  acksSent: number;
  acksAcked: number;
  telemetrySent: number;
  connects: number;
  disconnects: number;
  authFailures: number;
}

export interface CommunityReport {
  startedAt: string;
  durationS: number;
  totals: CommunityTotals;
  /** Broker-acknowledged events per second over the run. */
  eventsAckedPerSec: number;
  devices: SimDeviceStats[];
}

export function sumStats(stats: SimDeviceStats[]): CommunityTotals {
  const totals: CommunityTotals = {
    devices: stats.length,
    online: 0,
    gates: 0,
    speakers: 0,
    eventsQueued: 0,
    eventsSent: 0,
    eventsAcked: 0,
    eventsResent: 0,
    duplicatesSent: 0,
    outboxSize: 0,
    outboxDropped: 0,
    commandsReceived: 0,
    commandsExecuted: 0,
    commandsExpired: 0,
    commandsRejected: 0,
    acksSent: 0,
    acksAcked: 0,
    telemetrySent: 0,
    connects: 0,
    disconnects: 0,
    authFailures: 0,
  };
  for (const s of stats) {
    if (s.online) totals.online++;
    if (s.kind === 'gate') totals.gates++;
    else totals.speakers++;
    totals.eventsQueued += s.eventsQueued;
    totals.eventsSent += s.eventsSent;
    totals.eventsAcked += s.eventsAcked;
    totals.eventsResent += s.eventsResent;
    totals.duplicatesSent += s.duplicatesSent;
    totals.outboxSize += s.outboxSize;
    totals.outboxDropped += s.outboxDropped;
    totals.commandsReceived += s.commandsReceived;
    totals.commandsExecuted += s.commandsExecuted;
    totals.commandsExpired += s.commandsExpired;
    totals.commandsRejected += s.commandsRejected;
    totals.acksSent += s.acksSent;
    totals.acksAcked += s.acksAcked;
    totals.telemetrySent += s.telemetrySent;
    totals.connects += s.connects;
    totals.disconnects += s.disconnects;
    totals.authFailures += s.authFailures;
  }
  return totals;
}

/** The live line: `[  12s] online 10/10 | events 120 sent 118 acked 2 queued (resent 3, dup 1) | …`. */
export function formatSummaryLine(elapsedS: number, t: CommunityTotals): string {
  return [
    `[${String(Math.round(elapsedS)).padStart(5)}s] online ${t.online}/${t.devices}`,
    `events ${t.eventsSent} sent ${t.eventsAcked} acked ${t.outboxSize} queued (resent ${t.eventsResent}, dup ${t.duplicatesSent})`,
    `commands ${t.commandsReceived} recv (${t.commandsExpired} expired)`,
    `acks ${t.acksSent} sent`,
    `telemetry ${t.telemetrySent}`,
    ...(t.authFailures > 0 ? [`auth failures ${t.authFailures}`] : []),
  ].join(' | ');
}

/** The final report as text lines. */
export function formatReport(report: CommunityReport): string {
  const t = report.totals;
  const lines = [
    `simulation report (${report.durationS.toFixed(1)} s, ${t.gates} gates, ${t.speakers} speakers)`,
    `  online at end        ${t.online}/${t.devices}  (connects ${t.connects}, disconnects ${t.disconnects}, auth failures ${t.authFailures})`,
    `  events               queued ${t.eventsQueued}, sent ${t.eventsSent}, acked ${t.eventsAcked} (${report.eventsAckedPerSec.toFixed(1)}/s)`,
    `                       resent ${t.eventsResent}, duplicates ${t.duplicatesSent}, still in outbox ${t.outboxSize}, dropped (outbox full) ${t.outboxDropped}`,
    `  commands             received ${t.commandsReceived}, executed ${t.commandsExecuted}, expired ${t.commandsExpired}, rejected ${t.commandsRejected}`,
    `  acks                 sent ${t.acksSent}, acked by broker ${t.acksAcked}`,
    `  telemetry            sent ${t.telemetrySent}`,
  ];
  return lines.join('\n');
}
