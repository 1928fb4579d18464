// Fault 1: the api dies (SIGKILL) in the middle of the load and comes back with the same instance
// id. Its persistent MQTT sessions kept what arrived meanwhile; nothing it had not committed was
// acknowledged, so the broker redelivers it.
import { faultScenario } from './support/fault-scenario';
import { scaled, sleep } from './support/fault-report';

faultScenario({
  id: '01-api-kill9',
  title: 'kill -9 the api under load, restart it',
  jobs: true,
  inject: async ({ w, figure }) => {
    await w.api.kill9();
    const down = Date.now();
    await sleep(scaled(5000));
    await w.startApi();
    figure('api down s', ((Date.now() - down) / 1000).toFixed(1));
    await sleep(scaled(20_000));
  },
});
