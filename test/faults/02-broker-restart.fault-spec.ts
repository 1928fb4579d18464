// Fault 2: the MQTT broker restarts under load (SIGTERM: it saves its sessions and queued messages).
// Gates keep unacknowledged events in their outboxes and re-send them on reconnect; the api's
// persistent sessions resume.
import { faultScenario } from './support/fault-scenario';
import { scaled, sleep } from './support/fault-report';

faultScenario({
  id: '02-broker-restart',
  title: 'restart the MQTT broker under load',
  inject: async ({ w, figure }) => {
    const down = Date.now();
    await w.broker.restart(scaled(5000));
    figure('broker down s', ((Date.now() - down) / 1000).toFixed(1));
    await sleep(scaled(20_000));
    figure('gate reconnects', w.gates.reduce((n, g) => n + g.stats().connects - 1, 0));
  },
});
