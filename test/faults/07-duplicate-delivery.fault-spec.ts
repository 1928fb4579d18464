// Fault 7: every device message is delivered twice (each gate publishes every event twice with the
// same id). Events are stored once and each scan gets one door command.
import { faultScenario } from './support/fault-scenario';
import { scaled, sleep } from './support/fault-report';

faultScenario({
  id: '07-duplicate-delivery',
  title: 'every device message delivered twice',
  world: { gateFaults: { duplicateProbability: 1 } },
  inject: async () => {
    await sleep(scaled(40_000));
  },
  verify: async ({ w, figure, violate }) => {
    const twice = w.gates.reduce((n, g) => n + g.stats().duplicatesSent, 0);
    figure('copies sent twice', twice);
    figure('duplicates counted by the api', await w.metric('sc_device_events_duplicate_total'));
    figure('scans answered twice (silent)', await w.metric('sc_access_scans_unanswered_total', 'already_answered'));
    if (twice === 0) violate('no duplicate was sent');
  },
});
