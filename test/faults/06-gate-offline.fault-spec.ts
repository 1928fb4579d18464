// Fault 6: two gates lose the network for 60 s. They decide from their synced face libraries,
// open for residents at once, and upload their outbox (access.face_local) when they are back;
// those events land in the access log like any other.
import { faultScenario } from './support/fault-scenario';
import { scaled, sleep } from './support/fault-report';

faultScenario({
  id: '06-gate-offline',
  title: 'cut two gates off the network for 60 s',
  inject: async ({ w }) => {
    const cut = w.gates.slice(0, 2);
    cut.forEach((g) => g.dropFor(scaled(60_000)));
    await sleep(scaled(60_000));
    await sleep(scaled(20_000));
  },
  verify: async ({ w, figure, violate }) => {
    const local = w.ledger.eventIds('access.face_local');
    const stored = await w.storedIds(local);
    const granted = w.gates.slice(0, 2).reduce((n, g) => n + g.localDecisions.filter((d) => d.decision === 'granted').length, 0);
    figure('local decisions', local.length);
    figure('granted offline', granted);
    figure('face_local stored', stored.size);
    if (local.length === 0) violate('the cut gates decided nothing locally');
  },
});
