import { DataSource } from 'typeorm';
import { Factories, TEST_PASSWORD, TestApi, TestEnv, connectTestDevice, createTestEnv, startTestApi, waitFor } from '@app/testing';

const MQTT_URL = 'mqtt://127.0.0.1:1883';

describe('durable device event ingestion (real Mosquitto and Postgres)', () => {
  let env: TestEnv;
  let api: TestApi;
  let db: DataSource;
  let token: string;
  let siteId: string;

  beforeAll(async () => {
    env = await createTestEnv('ingest');
    api = await startTestApi(env, { MQTT_INGEST_CONSUMERS: '3', INSTANCE_ID: 'ingest-a' });
    db = api.app.get(DataSource);
    const f = new Factories(db);
    const site = await f.site();
    siteId = site.id;
    const admin = await f.staff([site], 'admin');
    token = (await api.http.post('/api/v1/auth/login').send({ login: admin.login, password: TEST_PASSWORD })).body.accessToken;
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
  });

  const provision = async (kind: 'gate' | 'speaker' = 'gate') => {
    const res = await api.http.post('/api/v1/devices').set('Authorization', `Bearer ${token}`).send({ kind, siteId, name: `${kind} ${Date.now()}` });
    expect(res.status).toBe(201);
    return res.body as { id: string; credentials: { password: string } };
  };
  const countEvents = async (deviceId: string) => Number((await db.query('SELECT count(*)::int AS n FROM device_events WHERE "deviceId" = $1', [deviceId]))[0].n);
  const metric = async (name: string, labels = '') => {
    const text = (await api.http.get('/metrics')).text;
    const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
    return line ? Number(line.split(' ')[1]) : 0;
  };

  it('stores every valid event exactly once, even when the device sends it twice', async () => {
    const dev = await provision();
    const gate = await connectTestDevice(MQTT_URL, env.topicRoot, dev.id);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push(await gate.publishEvent('door.state', { state: i % 2 ? 'open' : 'closed' }));
    // A replay of 50 already-sent events (same ids) changes nothing.
    for (const id of ids.slice(0, 50)) await gate.publishEvent('door.state', { state: 'open' }, id);
    await gate.close();
    expect(await waitFor(() => countEvents(dev.id), (n) => n >= 200)).toBe(200);
    const rows = (await db.query('SELECT count(DISTINCT "eventId")::int AS n FROM device_events WHERE "deviceId" = $1', [dev.id]))[0].n;
    expect(rows).toBe(200);
    expect(await waitFor(() => metric('sc_device_events_duplicate_total'), (n) => n >= 50)).toBeGreaterThanOrEqual(50);
  });

  it('never stores a face capture embedding', async () => {
    const dev = await provision();
    const gate = await connectTestDevice(MQTT_URL, env.topicRoot, dev.id);
    const embedding = Buffer.from(new Float32Array(512).fill(0.044).buffer).toString('base64');
    const id = await gate.publishEvent('access.face', { embedding, dim: 512, liveness: 0.97 });
    await gate.close();
    await waitFor(() => countEvents(dev.id), (n) => n === 1);
    const [row] = await db.query('SELECT data FROM device_events WHERE "deviceId" = $1 AND "eventId" = $2', [dev.id, id]);
    expect(row.data).toMatchObject({ dim: 512, liveness: 0.97, embeddingRedacted: { length: embedding.length } });
    expect(JSON.stringify(row.data)).not.toContain(embedding.slice(0, 40));
  });

  it('drops garbage of every kind, counted by reason, while valid traffic keeps flowing', async () => {
    const good = await provision();
    const retired = await provision();
    await api.http.post(`/api/v1/devices/${retired.id}/decommission`).set('Authorization', `Bearer ${token}`).expect(200);
    const before = {
      not_json: await metric('sc_device_messages_dropped_total', '{reason="not_json"}'),
      too_large: await metric('sc_device_messages_dropped_total', '{reason="too_large"}'),
      unknown_type: await metric('sc_device_messages_dropped_total', '{reason="unknown_type"}'),
      invalid_data: await metric('sc_device_messages_dropped_total', '{reason="invalid_data"}'),
      invalid_envelope: await metric('sc_device_messages_dropped_total', '{reason="invalid_envelope"}'),
      unknown_device: await metric('sc_device_messages_dropped_total', '{reason="unknown_device"}'),
    };
    const gate = await connectTestDevice(MQTT_URL, env.topicRoot, good.id);
    const ghost = await connectTestDevice(MQTT_URL, env.topicRoot, 'gate-doesnotexist');
    const zombie = await connectTestDevice(MQTT_URL, env.topicRoot, retired.id);
    const sent: string[] = [];
    for (let i = 0; i < 100; i++) {
      sent.push(await gate.publishEvent('alarm', { kind: 'tamper', detail: `round ${i}` }));
      if (i % 10 === 0) {
        await gate.publishRaw('not json at all {');
        await gate.publishRaw(Buffer.alloc(70 * 1024, 0x61));
        await gate.publishRaw(JSON.stringify({ id: crypto.randomUUID(), type: 'coffee.brewed', ts: new Date().toISOString(), data: {} }));
        await gate.publishRaw(JSON.stringify({ id: crypto.randomUUID(), type: 'door.state', ts: new Date().toISOString(), data: { state: 'ajar' } }));
        await gate.publishRaw(JSON.stringify(['an', 'array']));
        await gate.publishRaw(Buffer.from([0xff, 0xfe, 0x00, 0x01]));
        await ghost.publishEvent('door.state', { state: 'open' });
        await zombie.publishEvent('door.state', { state: 'open' });
      }
    }
    await Promise.all([gate.close(), ghost.close(), zombie.close()]);
    expect(await waitFor(() => countEvents(good.id), (n) => n >= 100)).toBe(100);
    const stored = (await db.query('SELECT "eventId" FROM device_events WHERE "deviceId" = $1', [good.id])).map((r: { eventId: string }) => r.eventId);
    expect(new Set(stored)).toEqual(new Set(sent));
    expect(await countEvents(retired.id)).toBe(0);
    expect(await countEvents('gate-doesnotexist')).toBe(0);
    const after = async (reason: keyof typeof before) => (await metric('sc_device_messages_dropped_total', `{reason="${reason}"}`)) - before[reason];
    expect(await waitFor(() => after('not_json'), (n) => n >= 20)).toBe(20); // invalid JSON + invalid UTF-8 bytes
    expect(await after('too_large')).toBe(10);
    expect(await after('unknown_type')).toBe(10);
    expect(await after('invalid_data')).toBe(10);
    expect(await after('invalid_envelope')).toBe(10);
    expect(await after('unknown_device')).toBe(20);
    // The api is still healthy after all that.
    expect((await api.http.get('/health')).status).toBe(200);
  });

  it('splits device traffic between two api instances through the shared subscription, storing each event once', async () => {
    const second = await startTestApi(env, { MQTT_INGEST_CONSUMERS: '2', INSTANCE_ID: 'ingest-b' });
    try {
      const dev = await provision();
      await new Promise((r) => setTimeout(r, 500)); // both instances' subscriptions are in place
      const secondBefore = await storedBy(second.url);
      const firstBefore = await storedBy(api.url);
      const gate = await connectTestDevice(MQTT_URL, env.topicRoot, dev.id);
      for (let i = 0; i < 300; i++) await gate.publishEvent('door.state', { state: 'open' });
      await gate.close();
      expect(await waitFor(() => countEvents(dev.id), (n) => n >= 300)).toBe(300);
      const a = (await storedBy(api.url)) - firstBefore;
      const b = (await storedBy(second.url)) - secondBefore;
      expect(a + b).toBe(300);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
    } finally {
      await second.app.close();
    }
  });
});

async function storedBy(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('sc_device_events_stored_total{type="door.state"} '));
  return line ? Number(line.split(' ')[1]) : 0;
}
