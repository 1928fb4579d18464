import { randomUUID } from 'node:crypto';
import mqtt, { MqttClient } from 'mqtt';

/** A bare MQTT client that publishes protocol events as a device would (for ingestion tests). */
export async function connectTestDevice(url: string, root: string, deviceId: string, password?: string): Promise<{
  client: MqttClient;
  publishEvent(type: string, data: Record<string, unknown>, id?: string): Promise<string>;
  publishRaw(payload: string | Buffer, channel?: string): Promise<void>;
  close(): Promise<void>;
}> {
  const client = await mqtt.connectAsync(url, { clientId: deviceId, username: password ? deviceId : undefined, password, clean: true, reconnectPeriod: 200 });
  const topic = (ch: string) => `${root}/devices/${deviceId}/${ch}`;
  return {
    client,
    publishEvent: async (type, data, id = randomUUID()) => {
      await client.publishAsync(topic('events'), JSON.stringify({ id, type, ts: new Date().toISOString(), data }), { qos: 1 });
      return id;
    },
    publishRaw: async (payload, channel = 'events') => {
      await client.publishAsync(topic(channel), payload, { qos: 1 });
    },
    close: () => client.endAsync(),
  };
}

export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await fn();
  while (!ok(last)) {
    if (Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, stepMs));
    last = await fn();
  }
  return last;
}
