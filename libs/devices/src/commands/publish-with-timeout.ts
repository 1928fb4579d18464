import type { MqttPublisher } from '@app/core';

export interface PublishFailure {
  code: 'BROKER_UNAVAILABLE' | 'PUBLISH_FAILED';
  message: string;
}

/** A publish not PUBACKed by then counts as failed: short-lived commands fail fast, never later. */
export const PUBLISH_TIMEOUT_MS = 2000;

/**
 * Publishes only over a live connection (MQTT.js would otherwise queue a QoS 1 message while
 * offline and send it whenever it reconnects) and gives up after PUBLISH_TIMEOUT_MS.
 */
export async function publishWithTimeout(
  publisher: MqttPublisher,
  topic: string,
  payload: string,
  opts: { qos: 0 | 1; retain?: boolean },
  timeoutMs = PUBLISH_TIMEOUT_MS,
): Promise<PublishFailure | null> {
  if (!publisher.connected) return { code: 'BROKER_UNAVAILABLE', message: 'the broker connection is down' };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      publisher.publish(topic, payload, opts),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no PUBACK within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    return null;
  } catch (err) {
    return { code: 'PUBLISH_FAILED', message: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
