// The morning rush against a running backend: provisions the gates, enrols the faces of the site's
// residents (staff enrolment with a console consent record, synthetic faces from --face-seed), then
// plays 06:30-09:30 in --seconds and prints the latency distribution the gates observed.
// Run: npx ts-node --transpile-only -r tsconfig-paths/register devices-sim/src/scenarios/morning-rush.cli.ts \
//        --api http://127.0.0.1:3000 --login admin@demo.community --password demo-password-1 --site <uuid> \
//        [--mqtt mqtt://127.0.0.1:1883] [--root sc/v1] [--gates 4] [--residents 200] [--seconds 60] [--peak 40] [--offline-ms 8000]
import { encodeEmbedding, trueFace } from '@app/contracts/embedding';
import { SimGate } from '../gate/sim-gate';
import { provisionDevices } from '../provisioning/provision-devices';
import { formatRushReport, runMorningRush } from './morning-rush';

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`--${name} is required`);
  return v;
}

async function api<T>(base: string, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
}

async function main(): Promise<void> {
  const base = arg('api', 'http://127.0.0.1:3000');
  const login = arg('login', 'admin@demo.community');
  const password = arg('password', 'demo-password-1');
  const siteId = arg('site');
  const mqttUrl = arg('mqtt', 'mqtt://127.0.0.1:1883');
  const root = arg('root', 'sc/v1');
  const faceSeed = arg('face-seed', 'demo-faces');
  const wanted = Number(arg('residents', '200'));

  const provisioned = await provisionDevices({ apiUrl: base, login, password, siteId, gates: Number(arg('gates', '4')), speakers: 0, namePrefix: 'rush', cacheFile: '.data/rush-devices.json', mqttUrl });
  const token = (await api<{ accessToken: string }>(base, null, 'POST', '/auth/login', { login, password })).body.accessToken;
  const residents: string[] = [];
  for (let cursor: string | null = null; residents.length < wanted; ) {
    const q: string = `/residents?siteId=${siteId}&status=active&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await api<{ items: { id: string }[]; nextCursor: string | null }>(base, token, 'GET', q);
    residents.push(...page.body.items.map((r) => r.id));
    if (!page.body.nextCursor) break;
    cursor = page.body.nextCursor;
  }
  const people = residents.slice(0, wanted);
  process.stdout.write(`enrolling ${people.length} faces… `);
  for (let i = 0; i < people.length; i += 8) {
    await Promise.all(
      people.slice(i, i + 8).map((id) =>
        api(base, token, 'POST', `/residents/${id}/face`, { embedding: encodeEmbedding(trueFace(faceSeed, id)), consent: { given: true, noticeVersion: 'demo-notice', channel: 'console' } }),
      ),
    );
  }
  console.log('done');

  const gates = provisioned.devices
    .filter((d) => d.kind === 'gate')
    .map((d) => new SimGate({ deviceId: d.deviceId, username: d.username, password: d.password, mqttUrl, topicRoot: root, faceSeed, seed: faceSeed }));
  gates.forEach((g) => g.start());
  await Promise.all(gates.map((g) => g.waitOnline()));
  // Let the gates' libraries catch up (facelib.sync after the enrolments).
  await new Promise((r) => setTimeout(r, 2000));
  const report = await runMorningRush({
    gates,
    personKeys: people,
    seconds: Number(arg('seconds', '60')),
    peakPerSecond: Number(arg('peak', '40')),
    offlineMs: Number(arg('offline-ms', '8000')),
    seed: faceSeed,
    onProgress: (s, n) => process.stdout.isTTY && process.stdout.write(`\r${s} s, ${n} arrivals`),
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  console.log(formatRushReport(report));
  await Promise.all(gates.map((g) => g.stop()));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
