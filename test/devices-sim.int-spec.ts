// The simulator against the real Mosquitto on 127.0.0.1:1883 (anonymous allowed there), isolated by
// a unique topic root and unique device ids. No database needed.
import { randomBytes } from 'node:crypto';
import { connect, type MqttClient } from 'mqtt';
import {
  buildCommand,
  deviceTopic,
  parseDeviceAck,
  parseDeviceEvent,
  parseDeviceStatus,
  parseDeviceTelemetry,
  type DeviceCommandDataMap,
  type DeviceCommandType,
} from '@app/contracts';
import { Writable } from 'node:stream';
import { Community, SimDevice, SimGate, SimSpeaker, type DeviceCredentials } from '@app/devices-sim';

jest.setTimeout(30_000);

const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const run = randomBytes(4).toString('hex');
const ROOT = `test-${run}/v1`;

interface Seen {
  topic: string;
  payload: Buffer;
  retain: boolean;
}

/** A plain MQTT.js client standing in for the backend: records everything under the root. */
class Observer {
  readonly seen: Seen[] = [];
  constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet) => this.seen.push({ topic, payload, retain: packet.retain }));
  }

  static async open(filter = `${ROOT}/devices/+/#`): Promise<Observer> {
    const client = connect(MQTT_URL, { clientId: `obs-${run}-${randomBytes(3).toString('hex')}`, clean: true, reconnectPeriod: 0 });
    const observer = new Observer(client);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => client.subscribe(filter, { qos: 1 }, (err) => (err ? reject(err) : resolve())));
      client.once('error', reject);
    });
    return observer;
  }

  on(deviceId: string, channel: string): Seen[] {
    const topic = deviceTopic(ROOT, deviceId, channel as never);
    return this.seen.filter((m) => m.topic === topic);
  }

  async waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(25);
    }
  }

  publish(topic: string, payload: string | Buffer, opts: { qos: 0 | 1; retain?: boolean }): Promise<void> {
    return new Promise((resolve, reject) => this.client.publish(topic, payload, opts, (err) => (err ? reject(err) : resolve())));
  }

  sendCommand<T extends DeviceCommandType>(deviceId: string, type: T, data: DeviceCommandDataMap[T], now: number, ttlMs?: number) {
    const command = buildCommand(type, data, { now, ttlMs });
    return this.publish(deviceTopic(ROOT, deviceId, 'commands'), JSON.stringify(command), { qos: 1 }).then(() => command);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.client.end(true, {}, () => resolve()));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const devices: SimDevice[] = [];
function track<T extends SimDevice>(device: T): T {
  devices.push(device);
  return device;
}
const idOf = (name: string) => `${name}-${run}`;

describe('devices-sim against Mosquitto', () => {
  let observer: Observer;

  beforeAll(async () => {
    observer = await Observer.open();
  });

  afterAll(async () => {
    await Promise.all(devices.map((d) => d.stop()));
    // Leave nothing behind: clear retained status/config and the persistent sessions.
    for (const d of devices) {
      await observer.publish(deviceTopic(d.topicRoot, d.deviceId, 'status'), '', { qos: 1, retain: true });
      await observer.publish(deviceTopic(d.topicRoot, d.deviceId, 'config'), '', { qos: 1, retain: true });
      await new Promise<void>((resolve) => {
        const c = connect(MQTT_URL, { clientId: d.deviceId, clean: true, reconnectPeriod: 0 });
        c.once('connect', () => c.end(false, {}, () => resolve()));
        c.once('error', () => resolve());
      });
    }
    await observer.close();
  });

  it('publishes a retained birth, telemetry and events that a plain MQTT client can read', async () => {
    const gate = track(new SimGate({ deviceId: idOf('g1'), password: 'x', mqttUrl: MQTT_URL, topicRoot: ROOT, telemetryPeriodMs: 500, seed: 1, fw: '1.4.2' }));
    gate.start();
    await gate.waitOnline();

    const birth = await observer.waitFor('birth', () => observer.on(gate.deviceId, 'status')[0]);
    expect(parseDeviceStatus(birth.payload)).toMatchObject({ ok: true, status: { online: true, kind: 'gate', fw: '1.4.2' } });

    // Retained: a client subscribing later still gets it.
    const late = await Observer.open(deviceTopic(ROOT, gate.deviceId, 'status'));
    const retained = await late.waitFor('retained birth', () => late.seen[0]);
    expect(retained.retain).toBe(true);
    await late.close();

    const telemetry = await observer.waitFor('telemetry', () => observer.on(gate.deviceId, 'telemetry')[0]);
    expect(parseDeviceTelemetry(telemetry.payload)).toMatchObject({ ok: true, telemetry: { configVersion: 0, door: 'closed', mode: 'normal' } });

    const ids = [gate.presentFace({ personKey: 'p1' }), gate.showQr('qr-token-1'), gate.raiseAlarm('tamper')];
    const events = await observer.waitFor('3 events', () => {
      const got = observer.on(gate.deviceId, 'events');
      return got.length >= 3 && got;
    });
    const parsed = events.map((m) => parseDeviceEvent(m.payload));
    expect(parsed.map((p) => p.ok && p.event.id)).toEqual(ids);
    expect(parsed.map((p) => p.ok && p.event.type)).toEqual(['access.face', 'access.qr', 'alarm']);
    await observer.waitFor('outbox empty', () => gate.stats().outboxSize === 0);
    expect(gate.stats()).toMatchObject({ eventsQueued: 3, eventsAcked: 3, eventsResent: 0 });
  });

  it('after dropFor re-sends the unacknowledged events in order with the same ids', async () => {
    const gate = track(new SimGate({ deviceId: idOf('g2'), password: 'x', mqttUrl: MQTT_URL, topicRoot: ROOT, seed: 2, reconnectDelayMs: 200 }));
    gate.start();
    await gate.waitOnline();
    const disconnected = new Promise<string>((resolve) => gate.once('disconnected', ({ reason }) => resolve(reason)));

    // Published on the socket and destroyed in the same tick: in flight, never acknowledged.
    const inFlight = [gate.showQr('a'), gate.showQr('b'), gate.showQr('c')];
    expect(gate.stats().outboxSize).toBe(3);
    gate.dropFor(800);
    expect(await disconnected).toMatch(/3 in flight re-queued/);
    // Queued while offline.
    const offline = [gate.showQr('d'), gate.showQr('e')];
    expect(gate.pendingEventIds()).toEqual([...inFlight, ...offline]);

    // The broker published the Last Will when the socket died.
    await observer.waitFor('will', () => observer.on(gate.deviceId, 'status').some((m) => m.payload.toString() === '{"online":false}'));

    await gate.waitOnline(10_000);
    await observer.waitFor('outbox drained', () => gate.stats().outboxSize === 0);
    const all = [...inFlight, ...offline];
    const seenIds = observer.on(gate.deviceId, 'events').map((m) => {
      const p = parseDeviceEvent(m.payload);
      return p.ok ? p.event.id : 'invalid';
    });
    // At least once (an in-flight one may have reached the broker before the drop), never another id,
    // and in the original order of first appearance.
    expect(new Set(seenIds)).toEqual(new Set(all));
    expect([...new Set(seenIds)]).toEqual(all);
    expect(gate.stats()).toMatchObject({ eventsAcked: 5, eventsResent: 3, disconnects: 1, connects: 2 });

    // Back online means a fresh retained birth after the will. (The first birth may never have left
    // the socket: it was destroyed in the same tick.)
    const status = await observer.waitFor('birth after the will', () => {
      const all = observer.on(gate.deviceId, 'status').map((m) => parseDeviceStatus(m.payload));
      const will = all.findIndex((p) => p.ok && !p.status.online);
      return will >= 0 && all.slice(will + 1).some((p) => p.ok && p.status.online) && all;
    });
    expect(status.length).toBeGreaterThanOrEqual(2);
  });

  it('acks an expired command EXPIRED without executing it, and a fresh one ok', async () => {
    const gate = track(new SimGate({ deviceId: idOf('g3'), password: 'x', mqttUrl: MQTT_URL, topicRoot: ROOT, seed: 3 }));
    gate.start();
    await gate.waitOnline();

    const stale = await observer.sendCommand(gate.deviceId, 'gate.open', { durationMs: 2000 }, Date.now() - 10_000, 3000);
    const fresh = await observer.sendCommand(gate.deviceId, 'gate.open', { durationMs: 1000 }, Date.now());

    const acks = await observer.waitFor('2 acks', () => {
      const got = observer.on(gate.deviceId, 'acks').map((m) => parseDeviceAck(m.payload));
      return got.length >= 2 && got;
    });
    const byId = new Map(acks.map((a) => (a.ok ? [a.ack.commandId, a.ack] : ['invalid', undefined])));
    expect(byId.get(stale.id)).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });
    expect(byId.get(fresh.id)).toMatchObject({ ok: true, data: { door: 'open' } });
    expect(gate.stats()).toMatchObject({ commandsExpired: 1, commandsExecuted: 1 });

    // The fresh open moved the door (and only once): open, then closed after durationMs.
    const doorStates = await observer.waitFor('door open and closed', () => {
      const states = observer.on(gate.deviceId, 'events').map((m) => {
        const p = parseDeviceEvent(m.payload);
        return p.ok && p.event.type === 'door.state' ? p.event.data.state : null;
      });
      return states.length >= 2 && states;
    });
    expect(doorStates).toEqual(['open', 'closed']);
  });

  it('judges expiry by its own skewed clock', async () => {
    const gate = track(new SimGate({ deviceId: idOf('g4'), password: 'x', mqttUrl: MQTT_URL, topicRoot: ROOT, seed: 4, faults: { clockSkewMs: 10_000 } }));
    gate.start();
    await gate.waitOnline();
    const cmd = await observer.sendCommand(gate.deviceId, 'gate.open', { durationMs: 1000 }, Date.now(), 3000);
    const ack = await observer.waitFor('ack', () => observer.on(gate.deviceId, 'acks')[0]);
    expect(parseDeviceAck(ack.payload)).toMatchObject({ ok: true, ack: { commandId: cmd.id, ok: false, error: { code: 'EXPIRED' } } });
  });

  it('applies the highest retained config version and reports it in telemetry', async () => {
    const speaker = track(new SimSpeaker({ deviceId: idOf('s1'), password: 'x', mqttUrl: MQTT_URL, topicRoot: ROOT, seed: 5, telemetryPeriodMs: 30_000 }));
    const configTopic = deviceTopic(ROOT, speaker.deviceId, 'config');
    // Retained before the speaker exists: it must get it on subscribe.
    await observer.publish(configTopic, JSON.stringify({ version: 3, volumeCap: 20 }), { qos: 1, retain: true });
    speaker.start();
    await speaker.waitOnline();
    await observer.waitFor('config 3 in telemetry', () =>
      observer.on(speaker.deviceId, 'telemetry').some((m) => {
        const t = parseDeviceTelemetry(m.payload);
        return t.ok && t.telemetry.configVersion === 3 && t.telemetry.volume === 20;
      }),
    );
    await observer.publish(configTopic, JSON.stringify({ version: 2, volumeCap: 90 }), { qos: 1, retain: true });
    await observer.publish(configTopic, JSON.stringify({ version: 4, volumeCap: 15 }), { qos: 1, retain: true });
    await observer.waitFor('config 4 applied', () => speaker.stats().configVersion === 4);
    expect(speaker.config).toEqual({ version: 4, volumeCap: 15 });
    expect(speaker.volume).toBe(15);
    // speaker.volume cannot raise it above the cap.
    await observer.sendCommand(speaker.deviceId, 'speaker.volume', { level: 80, cap: 100 }, Date.now());
    await observer.waitFor('volume ack', () => observer.on(speaker.deviceId, 'acks').length >= 1);
    expect(speaker.volume).toBe(15);
  });

  it('duplicates events with the same id when told to', async () => {
    const gate = track(new SimGate({ deviceId: idOf('g5'), password: 'x', mqttUrl: MQTT_URL, topicRoot: ROOT, seed: 6, faults: { duplicateProbability: 1 } }));
    gate.start();
    await gate.waitOnline();
    const id = gate.showQr('twice');
    const copies = await observer.waitFor('2 copies', () => {
      const got = observer.on(gate.deviceId, 'events');
      return got.length >= 2 && got;
    });
    expect(copies.map((m) => parseDeviceEvent(m.payload)).map((p) => p.ok && p.event.id)).toEqual([id, id]);
  });

  it('the broker publishes the Last Will when the socket is destroyed', async () => {
    const gate = track(new SimGate({ deviceId: idOf('g6'), password: 'x', mqttUrl: MQTT_URL, topicRoot: ROOT, seed: 7 }));
    gate.start();
    await gate.waitOnline();
    await observer.waitFor('birth', () => observer.on(gate.deviceId, 'status').length >= 1);
    gate.crash();
    const will = await observer.waitFor('will', () => observer.on(gate.deviceId, 'status')[1]);
    expect(parseDeviceStatus(will.payload)).toEqual({ ok: true, status: { online: false } });
  });

  it('a graceful stop says offline itself and publishes nothing after it', async () => {
    const gate = track(new SimGate({ deviceId: idOf('g7'), password: 'x', mqttUrl: MQTT_URL, topicRoot: ROOT, seed: 8, telemetryPeriodMs: 200 }));
    gate.start();
    await gate.waitOnline();
    await gate.stop();
    const count = observer.seen.filter((m) => m.topic.includes(`/${gate.deviceId}/`)).length;
    const last = await observer.waitFor('goodbye', () => {
      const status = observer.on(gate.deviceId, 'status');
      return status.length >= 2 && status[status.length - 1];
    });
    expect(parseDeviceStatus(last.payload)).toMatchObject({ ok: true, status: { online: false } });
    await sleep(600);
    expect(observer.seen.filter((m) => m.topic.includes(`/${gate.deviceId}/`)).length).toBe(count);
  });

  it('Community: runs gates and speakers from a credentials list, reports, and repeats its choices for a seed', async () => {
    const creds: DeviceCredentials[] = [
      { deviceId: idOf('cg1'), kind: 'gate', username: idOf('cg1'), password: 'x' },
      { deviceId: idOf('cg2'), kind: 'gate', username: idOf('cg2'), password: 'x' },
      { deviceId: idOf('cs1'), kind: 'speaker', username: idOf('cs1'), password: 'x' },
    ];
    const runOnce = async (root: string) => {
      const events = await Observer.open(`${root}/devices/+/events`);
      let text = '';
      const output = new Writable({
        write(chunk, _enc, done) {
          text += String(chunk);
          done();
        },
      });
      const community = new Community({
        devices: creds,
        mqttUrl: MQTT_URL,
        topicRoot: root,
        seed: 99,
        telemetryPeriodMs: 1000,
        activity: { meanIntervalMs: 80 },
        liveSummary: true,
        summaryIntervalMs: 300,
        output,
      });
      community.devices.forEach(track);
      community.start();
      await community.waitOnline();
      await sleep(1500);
      const report = await community.stop({ printReport: true });
      await events.waitFor('all acked events seen', () => events.seen.length >= report.totals.eventsAcked);
      // What each device did, in order, without ids and timestamps (those are not seeded).
      const behaviour = new Map<string, string[]>();
      for (const m of events.seen) {
        const p = parseDeviceEvent(m.payload);
        if (!p.ok) continue;
        const list = behaviour.get(m.topic.split('/').at(-2) as string) ?? [];
        list.push(`${p.event.type} ${JSON.stringify(p.event.data)}`);
        behaviour.set(m.topic.split('/').at(-2) as string, list);
      }
      await events.close();
      return { report, behaviour, text };
    };

    const first = await runOnce(`${ROOT}-c1`);
    expect(first.report.totals).toMatchObject({ devices: 3, gates: 2, speakers: 1, outboxSize: 0 });
    expect(first.report.totals.eventsAcked).toBe(first.report.totals.eventsQueued);
    expect(first.report.totals.eventsQueued).toBeGreaterThan(10);
    expect(first.text).toMatch(/online 3\/3 \| events \d+ sent/);
    expect(first.text).toMatch(/simulation report/);

    const second = await runOnce(`${ROOT}-c2`);
    for (const c of creds) {
      const a = first.behaviour.get(c.deviceId) ?? [];
      const b = second.behaviour.get(c.deviceId) ?? [];
      const n = Math.min(a.length, b.length, 5);
      expect(n).toBeGreaterThanOrEqual(c.kind === 'gate' ? 3 : 1);
      expect(b.slice(0, n)).toEqual(a.slice(0, n));
    }
  });
});
