// Fault 5: the worker dies (SIGKILL) while SLA and speaker-session timers fall due, and is
// restarted. Jobs it held are stalled and retried; timers due while it was down run when it is
// back. Each effect (SLA step, notice, session warning, session end) happens once.
import { faultScenario } from './support/fault-scenario';
import { scaled, sleep } from './support/fault-report';

faultScenario({
  id: '05-worker-kill9',
  title: 'kill -9 the worker mid SLA and session jobs, restart it',
  jobs: true,
  // Sessions are one minute with a warning 15 s before the end: kill at 40 s, so warnings fall due while it is down.
  warmupMs: 40_000,
  inject: async ({ w, figure }) => {
    await w.worker.kill9();
    const down = Date.now();
    await sleep(scaled(20_000));
    await w.startWorker();
    figure('worker down s', ((Date.now() - down) / 1000).toFixed(1));
    await sleep(scaled(20_000));
  },
});
