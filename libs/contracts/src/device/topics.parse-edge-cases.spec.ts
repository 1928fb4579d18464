import {
  assertTopicRoot,
  CHANNEL_SPECS,
  DEVICE_CHANNELS,
  deviceChannelFilter,
  deviceTopic,
  isValidDeviceId,
  parseDeviceTopic,
  sharedDeviceSubscription,
  sharedSubscription,
} from './topics';

describe('topics', () => {
  const root = 'sc/v1';

  it('round-trips every channel through build and parse', () => {
    for (const channel of DEVICE_CHANNELS) {
      const topic = deviceTopic(root, 'gate-01_A', channel);
      expect(topic).toBe(`sc/v1/devices/gate-01_A/${channel}`);
      expect(parseDeviceTopic(root, topic)).toEqual({ deviceId: 'gate-01_A', channel });
    }
  });

  it.each([
    ['another root', 'other/v1/devices/g1/events'],
    ['a root that merely starts with ours', 'sc/v1x/devices/g1/events'],
    ['a shorter root', 'sc/devices/g1/events'],
    ['no devices level', 'sc/v1/device/g1/events'],
    ['an unknown channel', 'sc/v1/devices/g1/logs'],
    ['an extra level', 'sc/v1/devices/g1/events/extra'],
    ['a nested id', 'sc/v1/devices/a/b/events'],
    ['an empty id', 'sc/v1/devices//events'],
    ['no channel', 'sc/v1/devices/g1'],
    ['a trailing slash', 'sc/v1/devices/g1/events/'],
    ['an id with a dot', 'sc/v1/devices/g.1/events'],
    ['an id with a wildcard', 'sc/v1/devices/+/events'],
    ['an id longer than 64', `sc/v1/devices/${'a'.repeat(65)}/events`],
    ['an empty topic', ''],
    ['the root alone', 'sc/v1'],
  ])('parse returns null for %s', (_name, topic) => {
    expect(parseDeviceTopic(root, topic)).toBeNull();
  });

  it('accepts a 64-character id and a multi-level root', () => {
    const id = 'a'.repeat(64);
    expect(parseDeviceTopic('test-abc/x/v1', `test-abc/x/v1/devices/${id}/acks`)).toEqual({ deviceId: id, channel: 'acks' });
  });

  it('refuses to build a topic for a bad id, root or channel', () => {
    expect(() => deviceTopic(root, 'g/1', 'events')).toThrow(/device id/);
    expect(() => deviceTopic(root, '', 'events')).toThrow(/device id/);
    expect(() => deviceTopic(root, 'a'.repeat(65), 'events')).toThrow(/device id/);
    expect(() => deviceTopic('sc/+/v1', 'g1', 'events')).toThrow(/topic root/);
    expect(() => deviceTopic(root, 'g1', 'logs' as never)).toThrow(/channel/);
  });

  it.each(['', '/sc/v1', 'sc/v1/', 'sc//v1', '$SYS', 'sc/#', 'sc/+', 'a\u0000b', 'x'.repeat(201)])(
    'rejects the topic root %j',
    (bad) => {
      expect(() => assertTopicRoot(bad)).toThrow(/invalid MQTT topic root/);
    },
  );

  it('builds wildcard and shared-subscription filters', () => {
    expect(deviceChannelFilter(root, 'telemetry')).toBe('sc/v1/devices/+/telemetry');
    expect(sharedDeviceSubscription('api', root)).toBe('$share/api/sc/v1/devices/+/events');
    expect(sharedDeviceSubscription('api', root, 'acks')).toBe('$share/api/sc/v1/devices/+/acks');
    expect(() => sharedSubscription('a/b', 'x')).toThrow(/group/);
    expect(() => sharedSubscription('', 'x')).toThrow(/group/);
  });

  it('validates device ids by the protocol pattern', () => {
    expect(isValidDeviceId('Gate_01-b')).toBe(true);
    expect(isValidDeviceId('gate 01')).toBe(false);
    expect(isValidDeviceId('gäte')).toBe(false);
  });

  it('matches the PROTOCOL.md QoS and retain table', () => {
    expect(CHANNEL_SPECS.status).toEqual({ qos: 1, retain: true, direction: 'device-to-backend' });
    expect(CHANNEL_SPECS.events).toEqual({ qos: 1, retain: false, direction: 'device-to-backend' });
    expect(CHANNEL_SPECS.telemetry).toEqual({ qos: 0, retain: false, direction: 'device-to-backend' });
    expect(CHANNEL_SPECS.acks).toEqual({ qos: 1, retain: false, direction: 'device-to-backend' });
    expect(CHANNEL_SPECS.commands).toEqual({ qos: 1, retain: false, direction: 'backend-to-device' });
    expect(CHANNEL_SPECS.config).toEqual({ qos: 1, retain: true, direction: 'backend-to-device' });
  });
});
