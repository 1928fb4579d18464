import type { IPublishPacket, MqttClient } from 'mqtt';

export interface ReceivedMessage {
  topic: string;
  payload: Buffer;
  qos: number;
  /** The broker marked it as a redelivery. */
  dup: boolean;
  /** Sends the PUBACK (QoS 1). Safe to call more than once; a no-op after the connection changed. */
  ack(): void;
}

// MQTT.js sends a QoS 1 PUBACK when handleMessage's callback runs and only then reads the next
// packet, so acking after a commit would process one message per commit. We take the ack over:
// handleMessage lets the stream continue at once (its callback is given an error, which makes MQTT.js
// skip its own PUBACK — the callback's caller ignores the error) and we send the PUBACK ourselves
// after the commit. Pinned to mqtt 5.16 (see package.json); test/ingestion-*.int-spec.ts proves that
// unacked messages are redelivered.
const SKIP_AUTO_PUBACK = new Error('puback deferred until the event is stored');

export function takeOverAcks(client: MqttClient, onMessage: (m: ReceivedMessage) => void): void {
  let generation = 0;
  client.on('connect', () => {
    // Packet ids restart with each connection; an ack for an old one would ack the wrong message.
    generation++;
  });
  client.handleMessage = (packet: IPublishPacket, callback: (err?: Error) => void) => {
    const gen = generation;
    const messageId = packet.messageId;
    let acked = packet.qos === 0;
    const message: ReceivedMessage = {
      topic: packet.topic,
      payload: typeof packet.payload === 'string' ? Buffer.from(packet.payload) : Buffer.from(packet.payload),
      qos: packet.qos,
      dup: packet.dup === true,
      ack: () => {
        if (acked) return;
        acked = true;
        if (gen !== generation || !client.connected || messageId === undefined) return;
        (client as unknown as { _sendPacket(p: object, cb?: () => void): void })._sendPacket({ cmd: 'puback', messageId }, () => undefined);
      },
    };
    try {
      onMessage(message);
    } finally {
      if (packet.qos === 1) callback(SKIP_AUTO_PUBACK);
      else callback();
    }
  };
}
