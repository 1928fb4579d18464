import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildAsyncApiDocument, toJsonSchema } from './device/asyncapi-document';
import { DEVICE_COMMAND_TYPES, DEVICE_COMMANDS } from './device/command-schemas';
import { DEVICE_EVENT_TYPES, DEVICE_EVENTS } from './device/event-schemas';
import { renderAsyncApiYaml } from './device/render-asyncapi-yaml';
import { DEVICE_CHANNELS } from './device/topics';
import { parseDeviceCommand } from './device/parse-device-command';
import { parseDeviceEvent } from './device/parse-device-event';

type Json = Record<string, any>;

const yamlPath = join(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml');
const doc = parse(readFileSync(yamlPath, 'utf8')) as Json;

function resolve(ref: string): Json {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((node, key) => {
      expect(node).toHaveProperty([key]);
      return node[key];
    }, doc);
}

/** Types announced by a channel: follow each message $ref to its payload's `type.const`. */
function typesOnChannel(channel: string): string[] {
  const messages = doc.channels[channel].messages as Record<string, Json>;
  return Object.values(messages).map((m) => resolve(m.$ref).payload.properties.type.const as string);
}

describe('docs/asyncapi.yaml', () => {
  it('is AsyncAPI 3 with one channel per protocol channel', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.keys(doc.channels).sort()).toEqual([...DEVICE_CHANNELS].sort());
  });

  it('lists every event type in the code, and only those', () => {
    expect(typesOnChannel('events').sort()).toEqual([...DEVICE_EVENT_TYPES].sort());
  });

  it('lists every command type in the code, and only those', () => {
    expect(typesOnChannel('commands').sort()).toEqual([...DEVICE_COMMAND_TYPES].sort());
  });

  it('documents each data schema exactly as the validators use it', () => {
    for (const type of DEVICE_EVENT_TYPES) {
      const payload = resolve(doc.channels.events.messages[`event.${type}`].$ref).payload;
      expect(resolve(payload.properties.data.$ref)).toEqual(toJsonSchema(DEVICE_EVENTS[type].schema));
    }
    for (const type of DEVICE_COMMAND_TYPES) {
      const payload = resolve(doc.channels.commands.messages[`command.${type}`].$ref).payload;
      expect(resolve(payload.properties.data.$ref)).toEqual(toJsonSchema(DEVICE_COMMANDS[type].schema));
    }
  });

  it('has examples that the parsers accept', () => {
    for (const type of DEVICE_EVENT_TYPES) {
      const [example] = resolve(`#/components/messages/event.${type}`).examples;
      expect(parseDeviceEvent(JSON.stringify(example.payload)).ok).toBe(true);
    }
    for (const type of DEVICE_COMMAND_TYPES) {
      const [example] = resolve(`#/components/messages/command.${type}`).examples;
      expect(parseDeviceCommand(JSON.stringify(example.payload)).ok).toBe(true);
    }
  });

  it('resolves every $ref', () => {
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) (k === '$ref' ? refs.push(v as string) : walk(v));
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(40);
    for (const ref of refs) expect(() => resolve(ref)).not.toThrow();
  });

  it('is up to date with the generator (run scripts/gen-asyncapi.ts after changing a schema)', () => {
    expect(doc).toEqual(buildAsyncApiDocument());
    expect(readFileSync(yamlPath, 'utf8')).toBe(renderAsyncApiYaml());
  });
});
