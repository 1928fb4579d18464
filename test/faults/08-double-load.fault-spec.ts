// Fault 8: the load doubles for 60 s. Latency may degrade while it lasts; nothing is lost, and it
// comes back to where it was afterwards.
import { percentiles, Percentiles } from './support/fault-ledger';
import { RATE, faultScenario } from './support/fault-scenario';
import { scaled, sleep } from './support/fault-report';

const phase = { before: 0, during: 0, after: 0, end: 0 };
const fmt = (p: Percentiles) => `${p.p50.toFixed(0)}/${p.p99.toFixed(0)}`;

faultScenario({
  id: '08-double-load',
  title: 'double the load for 60 s',
  inject: async ({ load }) => {
    phase.during = Date.now();
    phase.before = phase.during - scaled(20_000);
    load.setRate(RATE * 2);
    await sleep(scaled(60_000));
    load.setRate(RATE);
    phase.after = Date.now();
    await sleep(scaled(20_000));
    phase.end = Date.now();
  },
  verify: async ({ w, figure, violate }) => {
    // The first seconds after the change still carry the backlog of the double load: skip them.
    const settleMs = 5000;
    const before = percentiles(w.ledger.latencies(phase.before + settleMs, phase.during));
    const during = percentiles(w.ledger.latencies(phase.during, phase.after));
    const after = percentiles(w.ledger.latencies(phase.after + settleMs, phase.end));
    figure('rate before/during scans/s', `${RATE}/${RATE * 2}`);
    figure('p50/p99 ms before', fmt(before));
    figure('during', fmt(during));
    figure('after', fmt(after));
    // Recovered: back within a small margin of the steady state before (a shared 2-core machine jitters).
    if (after.p50 > before.p50 * 2 + 10) violate(`latency did not recover: p50 ${after.p50} ms after vs ${before.p50} ms before`);
  },
});
