// Scenario: an evening in the leisure area, compressed. Residents take turns on the community
// speakers through the real API (pairing codes, a queue, claim windows, volume caps), a staff
// emergency announcement interrupts the music, and quiet hours arrive: sessions end, the queue
// is held, new requests are refused. Prints a timeline and a summary.
//
//   npx ts-node -r tsconfig-paths/register devices-sim/src/scenarios/leisure-evening.ts \
//     --api http://127.0.0.1:3000 --login admin@demo.community --password demo-password-1
//
// Needs a running api and worker (npm start). Residents default to the demo community's first ones.
import { randomBytes } from 'node:crypto';
import { SimRandom } from '../random/sim-random';
import { elapsed, eveningClock } from '../speaker/evening-clock';
import { SimSpeaker } from '../speaker/sim-speaker';

export interface LeisureEveningOptions {
  apiUrl: string;
  mqttUrl: string;
  topicRoot: string;
  /** An admin of the site (provisions the speakers, sets up the zone, announces). */
  login: string;
  password: string;
  /** Default: the admin's first site. */
  siteId?: string;
  residents: { login: string; password: string }[];
  /** Someone who asks once, a few seconds into quiet hours (default: nobody). */
  lateResident?: { login: string; password: string };
  speakers?: number;
  /** Time until quiet hours (rounded up to a whole minute). */
  eveningMs?: number;
  /** How long to keep watching after quiet hours began. */
  afterQuietMs?: number;
  seed?: number | string;
  /** Where the timeline goes (default console.log). */
  print?: (line: string) => void;
}

export interface LeisureEveningReport {
  zoneId: string;
  speakers: string[];
  quietAt: string;
  requests: Record<string, number>;
  sessionsByEnd: Record<string, number>;
  queuePlaces: Record<string, number>;
  announcement: { status: string; delivered: number; total: number } | null;
  loudestHeard: number;
  capsHeard: number[];
  refusedDuringQuiet: number;
  /** What the late resident, asking a few seconds into quiet hours, was told. */
  lateRequest: string | null;
  timeline: string[];
}

interface Resident {
  login: string;
  token: string;
  busy: boolean;
}

class Api {
  constructor(private readonly base: string) {}

  async login(login: string, password: string): Promise<string> {
    const res = await this.call('POST', '/auth/login', null, { login, password });
    if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  async call(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mac = (rng: SimRandom) => Array.from({ length: 6 }, () => rng.intBetween(0, 255).toString(16).padStart(2, '0').toUpperCase()).join(':');
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

export async function runLeisureEvening(options: LeisureEveningOptions): Promise<LeisureEveningReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  const rng = new SimRandom(String(options.seed ?? 'leisure-evening'));
  const api = new Api(options.apiUrl);
  const t0 = Date.now();
  const timeline: string[] = [];
  const log = (line: string) => {
    const entry = `[${elapsed(t0, Date.now())}] ${line}`;
    timeline.push(entry);
    print(entry);
  };
  const admin = await api.login(options.login, options.password);
  const siteId = options.siteId ?? (await api.call('GET', '/sites', admin)).body.items?.[0]?.id;
  if (!siteId) throw new Error('no site to run the evening on');
  const site = (await api.call('GET', `/sites/${siteId}`, admin)).body as { timezone: string; name: string };
  const clock = eveningClock(Date.now(), options.eveningMs ?? 150_000, site.timezone);
  const stamp = randomBytes(2).toString('hex');

  // ---- set-up: a zone whose quiet hours start at the end of the compressed evening ----
  const zone = await api.call('POST', '/speaker-zones', admin, {
    siteId,
    name: `Leisure evening ${stamp}`,
    rules: { volumeCap: 60, defaultVolume: 40, maxSessionMinutes: 1, dailySessionCap: 5, sessionsAllowedInQuietHours: false, quietHours: { ...clock.quietHours, volumeCap: 15 } },
    timings: { pairingSeconds: 20, claimSeconds: 15, warningSeconds: 15 },
  });
  if (zone.status !== 201) throw new Error(`zone: ${zone.status} ${JSON.stringify(zone.body)}`);
  log(`zone "${zone.body.name}" (${site.name}, ${site.timezone}): quiet hours ${clock.quietHours.from}–${clock.quietHours.to}, sessions 1 min, claim 15 s`);

  const sims: SimSpeaker[] = [];
  const capsHeard = new Set<number>();
  let loudest = 0;
  for (let i = 1; i <= (options.speakers ?? 2); i++) {
    const device = await api.call('POST', '/devices', admin, { kind: 'speaker', siteId, name: `Evening speaker ${stamp}-${i}` });
    if (device.status !== 201) throw new Error(`provision: ${device.status} ${JSON.stringify(device.body)}`);
    const sim = new SimSpeaker({ deviceId: device.body.id, password: device.body.credentials.password, mqttUrl: options.mqttUrl, topicRoot: options.topicRoot, telemetryPeriodMs: 2000, announcementMs: 4000 });
    sim.on('command', ({ command }) => {
      if (command.type === 'speaker.volume') capsHeard.add(command.data.cap);
      if (command.type === 'speaker.announce') log(`${sim.deviceId}: announcing (${command.data.priority}) "${command.data.text ?? command.data.audioUrl}"`);
      if (command.type === 'speaker.disconnect') log(`${sim.deviceId}: told to drop session ${command.data.sessionId.slice(0, 8)} (${command.data.reason})`);
    });
    sim.start();
    await sim.waitOnline();
    sims.push(sim);
  }
  // The backend sees the birth within a moment; give presence a second before placing.
  await sleep(1500);
  for (const sim of sims) {
    const placed = await api.call('PUT', `/speakers/${sim.deviceId}/zone`, admin, { zoneId: zone.body.id });
    if (placed.status !== 200) throw new Error(`place: ${placed.status} ${JSON.stringify(placed.body)}`);
  }
  log(`${sims.length} speakers placed: ${sims.map((s) => s.deviceId).join(', ')}`);

  const residents: Resident[] = [];
  for (const r of options.residents) residents.push({ login: r.login, token: await api.login(r.login, r.password), busy: false });

  const requests: Record<string, number> = {};
  let refusedDuringQuiet = 0;
  let stop = false;

  // ---- one resident's evening: ask, pair or wait in the queue, play, maybe leave early ----
  const evening = async (resident: Resident, r: SimRandom): Promise<void> => {
    await sleep(r.intBetween(0, 20_000));
    while (!stop) {
      const sim = r.pick(sims);
      const ask = await api.call('POST', `/speakers/${sim.deviceId}/sessions`, resident.token);
      const outcome = ask.status === 201 ? ask.body.status : (ask.body?.code ?? String(ask.status));
      bump(requests, outcome);
      if (Date.now() >= clock.quietAt && ask.status !== 201) refusedDuringQuiet++;
      log(`${resident.login} asks ${sim.deviceId}: ${outcome}${ask.body?.position ? ` #${ask.body.position}, ~${ask.body.estimatedWaitSeconds}s` : ''}`);
      if (ask.status === 201 && ask.body.status === 'queued') await waitForTurn(resident, sim, ask.body.sessionId, r);
      else if (ask.status === 201 && ask.body.status === 'pairing') await play(resident, sim, ask.body.sessionId, ask.body.code, r);
      await sleep(r.intBetween(5_000, 25_000));
    }
  };

  const waitForTurn = async (resident: Resident, sim: SimSpeaker, placeId: string, r: SimRandom): Promise<void> => {
    while (!stop) {
      await sleep(1000);
      const view = (await api.call('GET', `/speakers/${sim.deviceId}`, resident.token)).body;
      const mine = view?.mine;
      if (!mine || mine.kind !== 'queue') return log(`${resident.login}: no longer queued at ${sim.deviceId}`);
      if (!mine.offered) continue;
      if (r.chance(0.2)) {
        log(`${resident.login}: lets the turn at ${sim.deviceId} pass`);
        await sleep(17_000);
        return;
      }
      const claim = await api.call('POST', `/speaker-sessions/${placeId}/claim`, resident.token);
      log(`${resident.login} claims the turn at ${sim.deviceId}: ${claim.status === 200 ? 'pairing' : claim.body?.code}`);
      if (claim.status === 200) await play(resident, sim, placeId, claim.body.code, r);
      return;
    }
  };

  const play = async (resident: Resident, sim: SimSpeaker, sessionId: string, code: string, r: SimRandom): Promise<void> => {
    if (r.chance(0.1)) return log(`${resident.login} never pairs the phone (code expires)`);
    await sleep(r.intBetween(800, 3000));
    if (!sim.pairPhone(code, mac(r))) return log(`${resident.login}: ${sim.deviceId} refused the code`);
    log(`${resident.login} paired with ${sim.deviceId}`);
    const until = Date.now() + r.intBetween(20_000, 90_000);
    while (!stop && Date.now() < until && sim.sessionId === sessionId) {
      sim.play(`Track ${r.intBetween(1, 300)}`, `Artist ${r.intBetween(1, 50)}`);
      const wanted = r.intBetween(30, 100);
      const set = await api.call('PUT', `/speaker-sessions/${sessionId}/volume`, resident.token, { level: wanted });
      if (set.status === 200 && set.body.clamped) log(`${resident.login} wants ${wanted}, gets ${set.body.level} (${set.body.limitedBy})`);
      // The knob on the phone: the speaker clamps it by itself.
      loudest = Math.max(loudest, sim.setVolume(r.intBetween(30, 100)));
      await sleep(r.intBetween(4000, 9000));
    }
    if (sim.sessionId === sessionId && !stop && r.chance(0.5)) {
      sim.leave('user');
      log(`${resident.login} leaves ${sim.deviceId} early`);
    }
  };

  const runs = residents.map((resident, i) => evening(resident, rng.fork(`resident-${i}`)));

  // Mid-evening: staff page the zone.
  const announceAt = t0 + Math.max(10_000, (clock.quietAt - t0) * 0.45);
  await sleep(Math.max(0, announceAt - Date.now()));
  const announcement = await api.call('POST', '/announcements', admin, { text: 'A child is looking for his parents at the fountain', target: { kind: 'zone', id: zone.body.id }, priority: 'emergency', durationSeconds: 4 });
  log(`staff emergency announcement: ${announcement.status === 201 ? announcement.body.status : announcement.body?.code}`);

  await sleep(Math.max(0, clock.quietAt - Date.now()));
  log(`quiet hours begin (${clock.quietHours.from})`);
  await sleep(3000);
  let lateRequest: string | null = null;
  if (options.lateResident) {
    const token = await api.login(options.lateResident.login, options.lateResident.password);
    const late = await api.call('POST', `/speakers/${sims[0].deviceId}/sessions`, token);
    lateRequest = late.status === 201 ? late.body.status : (late.body?.code ?? String(late.status));
    log(`${options.lateResident.login} arrives in quiet hours and asks ${sims[0].deviceId}: ${lateRequest}`);
  }
  await sleep(Math.max(0, (options.afterQuietMs ?? 20_000) - 3000));
  stop = true;
  await Promise.race([Promise.allSettled(runs), sleep(15_000)]);

  // ---- what happened ----
  const sessionsByEnd: Record<string, number> = {};
  const queuePlaces: Record<string, number> = {};
  for (const sim of sims) {
    const page = (await api.call('GET', `/speaker-sessions?speakerId=${sim.deviceId}&limit=200`, admin)).body;
    for (const s of page.items ?? []) {
      if (s.status === 'ended') bump(sessionsByEnd, s.endReason);
      else bump(queuePlaces, s.status);
    }
  }
  const a = announcement.status === 201 ? (await api.call('GET', `/announcements/${announcement.body.id}`, admin)).body : null;
  for (const sim of sims) await sim.stop();
  const report: LeisureEveningReport = {
    zoneId: zone.body.id,
    speakers: sims.map((s) => s.deviceId),
    quietAt: new Date(clock.quietAt).toISOString(),
    requests,
    sessionsByEnd,
    queuePlaces,
    announcement: a ? { status: a.status, delivered: a.summary.played, total: a.summary.total } : null,
    loudestHeard: loudest,
    capsHeard: [...capsHeard].sort((x, y) => x - y),
    refusedDuringQuiet,
    lateRequest,
    timeline,
  };
  print('');
  print('summary');
  print(`  requests:        ${JSON.stringify(requests)}`);
  print(`  sessions ended:  ${JSON.stringify(sessionsByEnd)}`);
  print(`  queue places:    ${JSON.stringify(queuePlaces)}`);
  print(`  announcement:    ${a ? `${a.status}, played on ${a.summary.played}/${a.summary.total}` : 'not sent'}`);
  print(`  loudest played:  ${loudest} (caps sent: ${report.capsHeard.join(', ')})`);
  print(`  refused in quiet hours: ${refusedDuringQuiet}${lateRequest ? ` (the late arrival: ${lateRequest})` : ''}`);
  return report;
}

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

if (require.main === module) {
  const password = arg('password', process.env.DEMO_ADMIN_PASSWORD ?? 'demo-password-1')!;
  const residents = Number(arg('residents', '6'));
  runLeisureEvening({
    apiUrl: arg('api', 'http://127.0.0.1:3000')!,
    mqttUrl: arg('mqtt', process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883')!,
    topicRoot: arg('root', process.env.MQTT_TOPIC_ROOT ?? 'sc/v1')!,
    login: arg('login', process.env.DEMO_ADMIN_LOGIN ?? 'admin@demo.community')!,
    password,
    siteId: arg('site'),
    // The demo community's residents sign in with 13800000001… and the demo password.
    residents: Array.from({ length: residents }, (_, i) => ({ login: `138${String(i + 1).padStart(8, '0')}`, password: arg('resident-password', password)! })),
    lateResident: { login: `138${String(residents + 1).padStart(8, '0')}`, password: arg('resident-password', password)! },
    speakers: Number(arg('speakers', '2')),
    eveningMs: Number(arg('evening-seconds', '150')) * 1000,
    seed: arg('seed', 'leisure-evening'),
  }).then(
    () => process.exit(0),
    (err: Error) => {
      console.error(`leisure-evening failed: ${err.message}`);
      process.exit(1);
    },
  );
}
