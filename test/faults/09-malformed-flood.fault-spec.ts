// Fault 9: a flood of malformed MQTT payloads and HTTP bodies alongside the valid traffic. Every
// bad device message is dropped and counted in /metrics, every bad request gets a 4xx, the api
// stays up and the valid traffic is all stored.
import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { faultScenario } from './support/fault-scenario';
import { scaled, sleep } from './support/fault-report';

const BAD_MQTT: { reason: string; topic: (root: string, gate: string) => string; payload: () => string | Buffer }[] = [
  { reason: 'not_json', topic: (r, g) => `${r}/devices/${g}/events`, payload: () => '{"id": not json' },
  { reason: 'too_large', topic: (r, g) => `${r}/devices/${g}/events`, payload: () => JSON.stringify({ id: randomUUID(), type: 'door.state', ts: new Date().toISOString(), data: { state: 'open', pad: 'x'.repeat(70_000) } }) },
  { reason: 'unknown_type', topic: (r, g) => `${r}/devices/${g}/events`, payload: () => JSON.stringify({ id: randomUUID(), type: 'coffee.ready', ts: new Date().toISOString(), data: {} }) },
  { reason: 'invalid_data', topic: (r, g) => `${r}/devices/${g}/events`, payload: () => JSON.stringify({ id: randomUUID(), type: 'access.face', ts: new Date().toISOString(), data: { embedding: 42, dim: 'big' } }) },
  { reason: 'invalid_envelope', topic: (r, g) => `${r}/devices/${g}/events`, payload: () => JSON.stringify({ type: 'door.state', data: { state: 'open' } }) },
  { reason: 'unknown_device', topic: (r) => `${r}/devices/${randomUUID()}/events`, payload: () => JSON.stringify({ id: randomUUID(), type: 'door.state', ts: new Date().toISOString(), data: { state: 'open' } }) },
];

const BAD_HTTP: { path: string; auth: boolean; raw: { contentType: string; payload: () => string } }[] = [
  { path: '/tickets', auth: true, raw: { contentType: 'application/json', payload: () => '{"category": "plumbing", ' } },
  { path: '/tickets', auth: true, raw: { contentType: 'application/json', payload: () => JSON.stringify({ category: 'lava', title: 7, description: null }) } },
  { path: '/tickets', auth: true, raw: { contentType: 'application/json', payload: () => JSON.stringify({ category: 'plumbing', title: 'x'.repeat(2_000_000), description: 'huge' }) } },
  { path: '/auth/login', auth: false, raw: { contentType: 'application/json', payload: () => '[1,2,3' } },
  { path: '/auth/login', auth: false, raw: { contentType: 'text/plain', payload: () => 'login=me&password=you' } },
  { path: `/speakers/not-a-uuid/sessions`, auth: true, raw: { contentType: 'application/json', payload: () => '{}' } },
];

faultScenario({
  id: '09-malformed-flood',
  title: 'flood of malformed MQTT payloads and HTTP bodies',
  inject: async ({ w, figure, violate }) => {
    const attacker = await mqtt.connectAsync(w.broker.url, { clientId: `fault-attacker-${randomUUID().slice(0, 6)}`, clean: true });
    const before = await w.metric('sc_device_messages_dropped_total');
    const token = await w.token(w.residents[0].login);
    let mqttSent = 0;
    const statuses = new Map<number, number>();
    const until = Date.now() + scaled(40_000);
    while (Date.now() < until) {
      const tick = Date.now();
      for (let i = 0; i < 20; i++) {
        const bad = BAD_MQTT[mqttSent % BAD_MQTT.length];
        await attacker.publishAsync(bad.topic(w.topicRoot, w.gates[mqttSent % w.gates.length].deviceId), bad.payload(), { qos: 1 });
        mqttSent++;
      }
      const requests = BAD_HTTP.map((b) => w.http('POST', b.path, b.auth ? token : null, undefined, { contentType: b.raw.contentType, payload: b.raw.payload() }));
      for (const r of await Promise.all(requests)) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      await sleep(Math.max(0, 250 - (Date.now() - tick)));
    }
    await attacker.endAsync();
    await sleep(3000);
    const dropped = (await w.metric('sc_device_messages_dropped_total')) - before;
    const health = await fetch(`${w.api.url}/health/ready`);
    figure('bad MQTT sent', mqttSent);
    figure('dropped (metrics)', dropped);
    figure('bad HTTP sent', [...statuses.values()].reduce((a, b) => a + b, 0));
    figure('HTTP statuses', [...statuses].map(([s, n]) => `${s}x${n}`).join(' '));
    if (dropped !== mqttSent) violate(`${mqttSent} malformed MQTT messages sent, ${dropped} counted as dropped`);
    const bad = [...statuses].filter(([s]) => s < 400 || s >= 500).reduce((n, [, c]) => n + c, 0);
    if (bad > 0) violate(`${bad} malformed requests got no 4xx (${[...statuses].map(([s, n]) => `${s}x${n}`).join(' ')})`);
    if (health.status !== 200) violate(`api not ready after the flood: ${health.status}`);
    if (w.api.child.exitCode !== null) violate('the api exited');
  },
});
