import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { COMMUNITY_ENTITIES } from '@app/community';
import { AppProcess, Factories, TEST_PASSWORD, TestEnv, connectTestDevice, createTestEnv, provisionDeviceOverHttp, spawnApp, waitFor } from '@app/testing';

const MQTT_URL = 'mqtt://127.0.0.1:1883';

// The api runs as a real child process here, so it can be killed with SIGKILL mid-stream.
describe('events survive an api crash (kill -9) and a stalled database', () => {
  let env: TestEnv;
  let db: DataSource;
  let api: AppProcess | undefined;
  let siteId: string;
  let adminLogin: string;

  beforeAll(async () => {
    env = await createTestEnv('crash');
    db = await new DataSource({ type: 'postgres', url: env.databaseUrl, entities: COMMUNITY_ENTITIES }).initialize();
    const f = new Factories(db);
    const site = await f.site();
    siteId = site.id;
    adminLogin = (await f.staff([site], 'admin')).login;
  }, 60_000);
  afterAll(async () => {
    await api?.kill9();
    await db?.destroy();
    await env?.drop();
  });

  const apiEnv = () => env.env({ INSTANCE_ID: 'crash-api', MQTT_INGEST_CONSUMERS: '2', LOG_LEVEL: 'warn' });
  const count = async (deviceId: string) => Number((await db.query('SELECT count(*)::int AS n FROM device_events WHERE "deviceId" = $1', [deviceId]))[0].n);

  it('acknowledges nothing before it is stored: events held while the table is locked survive kill -9 and are stored once after restart', async () => {
    api = await spawnApp('api', apiEnv());
    const { id: deviceId } = await provisionDeviceOverHttp(api.url, adminLogin, TEST_PASSWORD, { kind: 'gate', siteId, name: 'crash gate' });

    const gate = await connectTestDevice(MQTT_URL, env.topicRoot, deviceId);
    const firstIds: string[] = [];
    for (let i = 0; i < 50; i++) firstIds.push(await gate.publishEvent('door.state', { state: 'open' }));
    expect(await waitFor(() => count(deviceId), (n) => n >= 50)).toBe(50);

    // Stall the database: no batch can commit, so no event may be acknowledged.
    const locker = new Client({ connectionString: env.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE device_events IN ACCESS EXCLUSIVE MODE');
    const held: string[] = [];
    for (let i = 0; i < 30; i++) held.push(await gate.publishEvent('door.state', { state: 'closed' }));
    await new Promise((r) => setTimeout(r, 500)); // the api has received them and is retrying its commit
    await api.kill9();
    // Postgres would still run the dead api's waiting INSERT once the lock is gone; end its sessions
    // so the only way the held events can arrive is the broker redelivering them.
    await locker.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'sc-crash-api%'`);
    await locker.query('ROLLBACK');
    await locker.end();
    expect(await count(deviceId)).toBe(50);

    // More events while the api is down: the broker keeps them for the persistent sessions.
    const whileDown: string[] = [];
    for (let i = 0; i < 20; i++) whileDown.push(await gate.publishEvent('door.state', { state: 'open' }));

    api = await spawnApp('api', apiEnv());
    expect(await waitFor(() => count(deviceId), (n) => n >= 100, 30_000)).toBe(100);
    const stored = new Set((await db.query('SELECT "eventId" FROM device_events WHERE "deviceId" = $1', [deviceId])).map((r: { eventId: string }) => r.eventId));
    for (const id of [...firstIds, ...held, ...whileDown]) expect(stored.has(id)).toBe(true);
    await gate.close();
  }, 120_000);

  it('loses nothing when killed while a device publishes continuously', async () => {
    api ??= await spawnApp('api', apiEnv());
    const created = await provisionDeviceOverHttp(api.url, adminLogin, TEST_PASSWORD, { kind: 'gate', siteId, name: 'busy gate' });
    const gate = await connectTestDevice(MQTT_URL, env.topicRoot, created.id);
    const sent: string[] = [];
    const publishing = (async () => {
      for (let i = 0; i < 600; i++) {
        sent.push(await gate.publishEvent('door.state', { state: i % 2 ? 'open' : 'closed' }));
        if (i % 50 === 0) await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await waitFor(() => count(created.id), (n) => n >= 100, 20_000, 20);
    await api.kill9();
    api = await spawnApp('api', apiEnv());
    await publishing;
    expect(await waitFor(() => count(created.id), (n) => n >= 600, 30_000)).toBe(600);
    const distinct = Number((await db.query('SELECT count(DISTINCT "eventId")::int AS n FROM device_events WHERE "deviceId" = $1', [created.id]))[0].n);
    expect(distinct).toBe(600);
    await gate.close();
  }, 120_000);
});
