// Fault 4: Postgres stops for 30 s under load. Decisions come from memory, so gates keep getting
// answers; events are not acknowledged until stored, so the broker holds them and nothing is lost.
import { percentiles } from './support/fault-ledger';
import { faultScenario } from './support/fault-scenario';
import { scaled, sleep } from './support/fault-report';

let outage = { from: 0, to: 0 };

faultScenario({
  id: '04-postgres-stop',
  title: 'stop Postgres for 30 s under load',
  jobs: true,
  inject: async ({ w }) => {
    await w.pg.stop();
    outage = { from: Date.now(), to: 0 };
    await sleep(scaled(30_000));
    outage.to = Date.now();
    await w.pg.start();
    await sleep(scaled(20_000));
  },
  verify: async ({ w, figure, violate }) => {
    // Scans sent during the outage (their answers may land just after it).
    const scans = w.ledger.scanIds(outage.from, outage.to);
    const answered = scans.filter((id) => w.ledger.answeredAt.has(id)).length;
    figure('scans during outage', scans.length);
    figure('answered during outage', answered);
    if (answered < scans.length) violate(`${scans.length - answered} scans sent while Postgres was down got no decision`);
    // Decided from memory: the answer must not wait for the database to come back.
    const lat = percentiles(w.ledger.latencies(outage.from, outage.to));
    figure('p50/p99 ms during outage', `${lat.p50.toFixed(0)}/${lat.p99.toFixed(0)}`);
    if (lat.p99 > 2000) violate(`answers waited for the database: p99 ${lat.p99} ms while Postgres was down`);
    figure('db commit errors (retried)', await w.metric('sc_ingest_db_errors_total'));
  },
});
