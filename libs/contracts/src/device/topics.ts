// Topic layout: ROOT/devices/<deviceId>/<channel>. The root is configurable (default sc/v1) so a
// test run can isolate itself. Builders validate (a bad id would write to someone else's topic);
// the parser is on the hot path and only does string work.

export const DeviceChannel = {
  Status: 'status',
  Events: 'events',
  Telemetry: 'telemetry',
  Acks: 'acks',
  Commands: 'commands',
  Config: 'config',
} as const;
export type DeviceChannel = (typeof DeviceChannel)[keyof typeof DeviceChannel];
export const DEVICE_CHANNELS: readonly DeviceChannel[] = Object.values(DeviceChannel);

export type ChannelDirection = 'device-to-backend' | 'backend-to-device';

export interface ChannelSpec {
  qos: 0 | 1;
  retain: boolean;
  direction: ChannelDirection;
}

/** QoS, retain flag and direction of every channel (PROTOCOL.md table). */
export const CHANNEL_SPECS: Readonly<Record<DeviceChannel, ChannelSpec>> = {
  status: { qos: 1, retain: true, direction: 'device-to-backend' },
  events: { qos: 1, retain: false, direction: 'device-to-backend' },
  telemetry: { qos: 0, retain: false, direction: 'device-to-backend' },
  acks: { qos: 1, retain: false, direction: 'device-to-backend' },
  commands: { qos: 1, retain: false, direction: 'backend-to-device' },
  config: { qos: 1, retain: true, direction: 'backend-to-device' },
};

export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const SHARE_GROUP_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidDeviceId(id: string): boolean {
  return DEVICE_ID_PATTERN.test(id);
}

export function isDeviceChannel(value: string): value is DeviceChannel {
  return Object.prototype.hasOwnProperty.call(CHANNEL_SPECS, value);
}

/**
 * Checks a topic root: non-empty levels, no wildcards or NUL, not starting with `$` (reserved for
 * broker topics and shared subscriptions), no leading/trailing slash. Returns it unchanged.
 */
export function assertTopicRoot(root: string): string {
  const problem = topicRootProblem(root);
  if (problem) throw new Error(`invalid MQTT topic root "${root}": ${problem}`);
  return root;
}

function topicRootProblem(root: string): string | null {
  if (typeof root !== 'string' || root.length === 0) return 'empty';
  if (root.length > 200) return 'longer than 200 characters';
  if (root.startsWith('$')) return 'must not start with $';
  if (/[+#\u0000]/.test(root)) return 'contains a wildcard or NUL';
  if (root.split('/').some((level) => level.length === 0)) return 'has an empty level (leading, trailing or double slash)';
  return null;
}

/** `ROOT/devices/<deviceId>/<channel>`; throws on a bad id, root or channel. */
export function deviceTopic(root: string, deviceId: string, channel: DeviceChannel): string {
  if (!isValidDeviceId(deviceId)) throw new Error(`invalid device id "${deviceId}"`);
  if (!isDeviceChannel(channel)) throw new Error(`invalid channel "${String(channel)}"`);
  assertTopicRoot(root);
  return `${root}/devices/${deviceId}/${channel}`;
}

/**
 * Splits `ROOT/devices/<deviceId>/<channel>` back; null when the topic is not under this root, the id
 * is not a valid device id, the channel is unknown, or there are extra levels. The root is not
 * re-validated here (validate it once at configuration time).
 */
export function parseDeviceTopic(root: string, topic: string): { deviceId: string; channel: DeviceChannel } | null {
  const prefixLength = root.length + 9; // `${root}/devices/`
  if (topic.length <= prefixLength || !topic.startsWith(root) || !topic.startsWith('/devices/', root.length)) return null;
  const slash = topic.indexOf('/', prefixLength);
  if (slash < 0) return null;
  const deviceId = topic.slice(prefixLength, slash);
  const channel = topic.slice(slash + 1);
  if (!isDeviceChannel(channel) || !DEVICE_ID_PATTERN.test(deviceId)) return null;
  return { deviceId, channel };
}

/** Subscription filter for one channel of every device: `ROOT/devices/+/<channel>`. */
export function deviceChannelFilter(root: string, channel: DeviceChannel): string {
  assertTopicRoot(root);
  if (!isDeviceChannel(channel)) throw new Error(`invalid channel "${String(channel)}"`);
  return `${root}/devices/+/${channel}`;
}

/** `$share/<group>/<filter>`: the broker spreads matching messages over the group's members. */
export function sharedSubscription(group: string, filter: string): string {
  if (!SHARE_GROUP_PATTERN.test(group)) throw new Error(`invalid shared subscription group "${group}"`);
  return `$share/${group}/${filter}`;
}

/** `$share/<group>/ROOT/devices/+/<channel>` (events by default): what ingestion subscribes to. */
export function sharedDeviceSubscription(group: string, root: string, channel: DeviceChannel = 'events'): string {
  return sharedSubscription(group, deviceChannelFilter(root, channel));
}
