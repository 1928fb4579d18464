// Fault 3: Redis restarts under load. With AOF (production, DESIGN.md) the BullMQ timers come back
// from disk; without it (a crash without AOF, a failover to an empty replica) every timer and
// repeatable sweep is gone, and the worker must register its sweeps again so that the timers, which
// also live in the database, still fire. Either way: scan claims and caches recover, each timer once.
import { faultScenario } from './support/fault-scenario';
import { scaled, sleep } from './support/fault-report';

for (const { id, title, appendOnly } of [
  { id: '03-redis-restart', title: 'restart Redis under load (timers fire once)', appendOnly: true },
  { id: '03b-redis-data-loss', title: 'restart Redis with its data lost (timers fire once, late)', appendOnly: false },
]) {
  faultScenario({
    id,
    title,
    jobs: true,
    world: { redisAppendOnly: appendOnly },
    inject: async ({ w, figure }) => {
      const down = Date.now();
      await w.redis.stop();
      await sleep(scaled(5000));
      await w.redis.start();
      figure('redis down s', ((Date.now() - down) / 1000).toFixed(1));
      await sleep(scaled(20_000));
    },
  });
}
