// The frame every fault scenario shares: start the world, run steady load (gates, and tickets and
// speaker sessions when the scenario needs them), inject the fault, stop the load, let everything
// settle, then count the invariants, print the row, record it and fail on any violation.
import { JobLoad } from './job-load';
import { countInvariants, recordRow, scaled, sleep } from './fault-report';
import { FaultWorld, FaultWorldOptions } from './fault-world';
import { ScanLoad } from './scan-load';

export const GATES = Number(process.env.FAULT_GATES ?? '20');
/** Scans a second over all gates (default one per gate per second). */
export const RATE = Number(process.env.FAULT_RATE ?? String(GATES));

export interface ScenarioContext {
  w: FaultWorld;
  load: ScanLoad;
  jobs: JobLoad | null;
  /** Records a scenario-specific figure for the row. */
  figure(name: string, value: string | number): void;
  /** Records a scenario-specific violation (the test fails with it). */
  violate(message: string): void;
}

export interface FaultScenario {
  id: string;
  title: string;
  world?: Partial<FaultWorldOptions>;
  /** Tickets (one every 3 s) and one-minute speaker sessions alongside the scans. */
  jobs?: boolean;
  /** Steady load before the fault (default 20 s, scaled). */
  warmupMs?: number;
  /** Injects the fault and keeps the load running through recovery. */
  inject(ctx: ScenarioContext): Promise<void>;
  /** Checks after everything settled (scenario-specific invariants). */
  verify?(ctx: ScenarioContext): Promise<void>;
}

export function faultScenario(s: FaultScenario): void {
  jest.setTimeout(20 * 60_000);
  describe(`fault ${s.id}: ${s.title}`, () => {
    let w: FaultWorld | undefined;
    let jobs: JobLoad | null = null;

    beforeAll(async () => {
      w = await FaultWorld.start({ label: s.id, gates: GATES, speakers: s.jobs ? 4 : 0, ...s.world });
    });
    afterAll(async () => {
      jobs?.close();
      await w?.close();
    });

    it('stores every event once, sends at most one door command per scan, opens no door late, runs no effect twice', async () => {
      const world = w!;
      const started = Date.now();
      const load = new ScanLoad(world.gates, world.residents.map((r) => r.residentId), s.id);
      jobs = s.jobs ? new JobLoad(world) : null;
      const extra: Record<string, string | number> = {};
      const violations: string[] = [];
      const ctx: ScenarioContext = { w: world, load, jobs, figure: (k, v) => (extra[k] = v), violate: (m) => violations.push(m) };
      await jobs?.prepare();
      load.start(RATE);
      jobs?.start(3000);
      await sleep(s.warmupMs ?? scaled(20_000));
      await s.inject(ctx);
      load.stop();
      jobs?.stop();
      await world.settle();
      if (jobs) await jobs.waitForTimers();
      await s.verify?.(ctx);
      const { counts, violations: base } = await countInvariants(world);
      violations.unshift(...base);
      if (jobs) {
        const j = await jobs.counts();
        Object.assign(extra, { tickets: j.counts.tickets, 'SLA steps': j.counts.slaSteps, 'steps twice': j.counts.slaStepsTwice, sessions: j.counts.sessions, 'warnings seen': j.counts.warningsSeen, 'warned twice': j.counts.warnedTwice, 'ended twice': j.counts.endedTwice });
        violations.push(...j.violations);
      }
      recordRow({ id: s.id, title: s.title, at: new Date(started).toISOString(), seconds: Math.round((Date.now() - started) / 1000), counts, extra, violations });
      expect(violations).toEqual([]);
    });
  });
}
