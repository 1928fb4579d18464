import type { TSchema } from '@sinclair/typebox';
import { DeviceAckSchema } from './ack-schema';
import { DEVICE_COMMANDS, DEVICE_COMMAND_TYPES, DeviceCommandEnvelopeSchema } from './command-schemas';
import { DeviceConfigSchema } from './config-schema';
import { DEVICE_EVENTS, DEVICE_EVENT_TYPES, DeviceEventEnvelopeSchema } from './event-schemas';
import { EXAMPLE_COMMAND_DATA, EXAMPLE_CONFIG, EXAMPLE_EVENT_DATA, EXAMPLE_TELEMETRY } from './example-messages';
import { DEFAULT_TOPIC_ROOT, MAX_PAYLOAD_BYTES } from './protocol-constants';
import { DeviceBirthSchema, DeviceWillSchema } from './status-schema';
import { DeviceTelemetrySchema } from './telemetry-schema';
import { CHANNEL_SPECS, DEVICE_CHANNELS, type DeviceChannel } from './topics';

// Builds the AsyncAPI 3.0 document of the device protocol from the same schemas the parsers use,
// so docs/asyncapi.yaml cannot drift (scripts/gen-asyncapi.ts writes it, a spec compares).
// Written from the backend's point of view: it receives device → backend channels, sends the rest.

export const ASYNCAPI_DOCUMENT_VERSION = '1.0.0';

type Json = Record<string, unknown>;

const EXAMPLE_ID = '0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11';
const EXAMPLE_TS = '2025-06-01T10:00:00.000Z';

/** Plain JSON copy of a TypeBox schema (drops TypeBox's symbol keys). */
export function toJsonSchema(schema: TSchema): Json {
  return JSON.parse(JSON.stringify(schema)) as Json;
}

function ref(path: string): Json {
  return { $ref: path };
}

function titleOf(schema: TSchema): string {
  const title = (schema as { title?: string }).title;
  if (!title) throw new Error('every schema in the AsyncAPI document needs a title');
  return title;
}

/** Message key in components.messages for an event or command type. */
export function asyncApiMessageKey(family: 'event' | 'command', type: string): string {
  return `${family}.${type}`;
}

function typedPayload(envelope: TSchema, type: string, dataSchema: TSchema): Json {
  const env = toJsonSchema(envelope) as { properties: Record<string, Json>; required: string[] } & Json;
  const { title: _title, ...rest } = env;
  return {
    ...rest,
    properties: {
      ...env.properties,
      type: { type: 'string', const: type },
      data: ref(`#/components/schemas/${titleOf(dataSchema)}`),
    },
  };
}

export function buildAsyncApiDocument(): Json {
  const schemas: Json = {};
  const messages: Json = {};
  const channelMessages: Record<DeviceChannel, Json> = {
    status: {},
    events: {},
    telemetry: {},
    acks: {},
    commands: {},
    config: {},
  };

  for (const type of DEVICE_EVENT_TYPES) {
    const entry = DEVICE_EVENTS[type];
    schemas[titleOf(entry.schema)] = toJsonSchema(entry.schema);
    const key = asyncApiMessageKey('event', type);
    messages[key] = {
      name: type,
      title: type,
      summary: entry.summary,
      payload: typedPayload(DeviceEventEnvelopeSchema, type, entry.schema),
      examples: [{ name: 'example', payload: { id: EXAMPLE_ID, type, ts: EXAMPLE_TS, data: EXAMPLE_EVENT_DATA[type] } }],
      'x-device-kinds': [...entry.kinds],
    };
    channelMessages.events[key] = ref(`#/components/messages/${key}`);
  }

  for (const type of DEVICE_COMMAND_TYPES) {
    const entry = DEVICE_COMMANDS[type];
    schemas[titleOf(entry.schema)] = toJsonSchema(entry.schema);
    const key = asyncApiMessageKey('command', type);
    messages[key] = {
      name: type,
      title: type,
      summary: entry.summary,
      payload: typedPayload(DeviceCommandEnvelopeSchema, type, entry.schema),
      examples: [
        {
          name: 'example',
          payload: {
            id: EXAMPLE_ID,
            type,
            ts: EXAMPLE_TS,
            expiresAt: new Date(Date.parse(EXAMPLE_TS) + entry.defaultTtlMs).toISOString(),
            data: EXAMPLE_COMMAND_DATA[type],
          },
        },
      ],
      'x-device-kinds': [...entry.kinds],
      'x-default-ttl-ms': entry.defaultTtlMs,
      'x-max-ttl-ms': entry.maxTtlMs,
      'x-durable': entry.durable,
    };
    channelMessages.commands[key] = ref(`#/components/messages/${key}`);
  }

  const plain: Array<[DeviceChannel, string, TSchema, string, unknown[]]> = [
    ['status', 'birth', DeviceBirthSchema, 'Retained birth published on every connect.', [{ online: true, kind: 'gate', fw: '1.4.2', ts: EXAMPLE_TS }]],
    ['status', 'will', DeviceWillSchema, 'Retained Last Will (or graceful goodbye): the device is offline.', [{ online: false }]],
    ['telemetry', 'telemetry', DeviceTelemetrySchema, 'Periodic state, at least every 30 s.', [EXAMPLE_TELEMETRY]],
    [
      'acks',
      'ack',
      DeviceAckSchema,
      'The result of one command.',
      [
        { commandId: EXAMPLE_ID, ok: true, ts: EXAMPLE_TS },
        { commandId: EXAMPLE_ID, ok: false, ts: EXAMPLE_TS, error: { code: 'EXPIRED', message: 'expired 1200 ms ago' } },
        { commandId: EXAMPLE_ID, ok: true, ts: EXAMPLE_TS, data: { version: 42 } },
      ],
    ],
    ['config', 'config', DeviceConfigSchema, 'Desired configuration; version only grows.', [EXAMPLE_CONFIG]],
  ];
  for (const [channel, key, schema, summary, examples] of plain) {
    schemas[titleOf(schema)] = toJsonSchema(schema);
    messages[key] = {
      name: key,
      title: titleOf(schema),
      summary,
      payload: ref(`#/components/schemas/${titleOf(schema)}`),
      examples: examples.map((payload, i) => ({ name: `example${i + 1}`, payload })),
    };
    channelMessages[channel][key] = ref(`#/components/messages/${key}`);
  }

  const channels: Json = {};
  const operations: Json = {};
  for (const channel of DEVICE_CHANNELS) {
    const spec = CHANNEL_SPECS[channel];
    channels[channel] = {
      address: `{root}/devices/{deviceId}/${channel}`,
      description: `QoS ${spec.qos}, ${spec.retain ? 'retained' : 'not retained'}, ${spec.direction}.`,
      parameters: { root: ref('#/components/parameters/root'), deviceId: ref('#/components/parameters/deviceId') },
      messages: channelMessages[channel],
    };
    const action = spec.direction === 'device-to-backend' ? 'receive' : 'send';
    const opName = `${action}${channel[0].toUpperCase()}${channel.slice(1)}`;
    operations[opName] = {
      action,
      channel: ref(`#/channels/${channel}`),
      messages: Object.keys(channelMessages[channel]).map((key) => ref(`#/channels/${channel}/messages/${key}`)),
      bindings: { mqtt: { qos: spec.qos, retain: spec.retain, bindingVersion: '0.2.0' } },
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Smart community device protocol',
      version: ASYNCAPI_DOCUMENT_VERSION,
      description: [
        'MQTT contract between the backend and gates / speakers (see PROTOCOL.md).',
        `Bodies are UTF-8 JSON of at most ${MAX_PAYLOAD_BYTES} bytes.`,
        'Unknown event/command types are dropped; unknown fields inside a known type are tolerated and ignored.',
        'Devices connect with client id = username = deviceId and their issued secret; each may only use its own topics.',
        'Written from the backend point of view: receive = device to backend, send = backend to device.',
      ].join(' '),
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:1883', protocol: 'mqtt', description: 'Development Mosquitto' },
    },
    channels,
    operations,
    components: {
      parameters: {
        root: { description: 'Topic root, configurable per deployment or test run.', default: DEFAULT_TOPIC_ROOT },
        deviceId: { description: 'Device id: [A-Za-z0-9_-]{1,64}; also the MQTT client id and username.' },
      },
      messages,
      schemas,
    },
  };
}
