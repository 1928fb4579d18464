// Each scenario's counts: one table row printed to the console, one JSON file per scenario
// (test/faults/results/<id>.json, not committed) and test/faults/results/latest.md rebuilt from all
// of them, which the closing note and docs/operations.md quote.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FaultWorld } from './fault-world';

const RESULTS = path.join(__dirname, '..', 'results');

export interface FaultCounts {
  sent: number;
  stored: number;
  duplicates: number;
  lost: number;
  scans: number;
  answered: number;
  /** Scans that got more than one door command (distinct command ids) from the backend. */
  multiCommand: number;
  /** Scans whose gate executed a door command twice. */
  executedTwice: number;
  lateOpens: number;
  /** Opens executed more than 10 s after their scan (reported, see docs/operations.md). */
  staleOpens: number;
}

export interface FaultRow {
  id: string;
  title: string;
  at: string;
  seconds: number;
  counts: FaultCounts;
  extra: Record<string, string | number>;
  violations: string[];
}

/** The invariants every scenario checks, from the ledger and the database. */
export async function countInvariants(w: FaultWorld): Promise<{ counts: FaultCounts; violations: string[] }> {
  const ids = w.ledger.eventIds();
  const stored = await w.storedIds(ids);
  const rows = await w.storedRowCount(ids);
  const scans = w.ledger.scanIds();
  const counts: FaultCounts = {
    sent: ids.length,
    stored: stored.size,
    duplicates: rows - stored.size,
    lost: ids.filter((id) => !stored.has(id)).length,
    scans: scans.length,
    answered: scans.filter((id) => w.ledger.answeredAt.has(id)).length,
    multiCommand: [...w.ledger.doorCommands.values()].filter((s) => s.size > 1).length,
    executedTwice: [...w.ledger.executions.values()].filter((n) => n > 1).length,
    lateOpens: w.ledger.lateOpens,
    staleOpens: w.ledger.staleOpens,
  };
  const violations: string[] = [];
  if (counts.lost > 0) violations.push(`${counts.lost} events sent by gates were never stored`);
  if (counts.duplicates > 0) violations.push(`${counts.duplicates} events stored more than once`);
  if (counts.multiCommand > 0) violations.push(`${counts.multiCommand} scans got more than one door command`);
  if (counts.executedTwice > 0) violations.push(`${counts.executedTwice} scans made a gate act twice`);
  if (counts.lateOpens > 0) violations.push(`${counts.lateOpens} gate.open executed after expiresAt`);
  return { counts, violations };
}

export function recordRow(row: FaultRow): void {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, `${row.id}.json`), JSON.stringify(row, null, 2) + '\n');
  const c = row.counts;
  const extra = Object.entries(row.extra).map(([k, v]) => `${k} ${v}`).join(', ');
  process.stdout.write(
    `\n| ${row.id} | sent ${c.sent} | stored ${c.stored} | dup ${c.duplicates} | lost ${c.lost} | scans ${c.scans} answered ${c.answered} | multi-cmd ${c.multiCommand} | late opens ${c.lateOpens} | stale opens ${c.staleOpens} | ${extra} | ${row.violations.length ? `FAIL: ${row.violations.join('; ')}` : 'pass'} |\n`,
  );
  writeSummary();
}

function writeSummary(): void {
  const rows = readdirSync(RESULTS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(RESULTS, f), 'utf8')) as FaultRow);
  const lines = [
    '# Fault-injection suite: latest result of each scenario',
    '',
    'Reproduce: `npm run test:faults` (FAULT_SCALE=0.5 halves every wait). sent/stored/lost: events the simulated gates queued vs rows in device_events (the access log);',
    'multi-cmd: scans that got more than one door command; late opens: gate.open executed after its expiresAt by the gate clock; stale opens: opens more than 10 s after the scan.',
    '',
    '| scenario | when | s | sent | stored | dup | lost | scans (answered) | multi-cmd | late opens | stale opens | scenario figures | verdict |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const c = r.counts;
      const extra = Object.entries(r.extra).map(([k, v]) => `${k} ${v}`).join('; ');
      return `| ${r.id} ${r.title} | ${r.at.slice(0, 16).replace('T', ' ')} | ${r.seconds} | ${c.sent} | ${c.stored} | ${c.duplicates} | ${c.lost} | ${c.scans} (${c.answered}) | ${c.multiCommand} | ${c.lateOpens} | ${c.staleOpens} | ${extra} | ${r.violations.length ? `**fail**: ${r.violations.join('; ')}` : 'pass'} |`;
    }),
    '',
  ];
  writeFileSync(path.join(RESULTS, 'latest.md'), lines.join('\n'));
}

/** Scales the issue's waits (FAULT_SCALE=0.5 halves them, for a shorter CI variant). */
export function scaled(ms: number): number {
  const scale = Number(process.env.FAULT_SCALE ?? '1');
  return Math.round(ms * (Number.isFinite(scale) && scale > 0 ? scale : 1));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
