// Mosquitto dynamic-security roles. Mosquitto 2.0.11 does not substitute %c/%u in dynsec ACL
// topics, so every device gets its own role with literal topics. Higher priority is checked first;
// the explicit denies make the role safe whatever the broker's default ACL access is.

export type DynsecAclType =
  | 'publishClientSend'
  | 'publishClientReceive'
  | 'subscribeLiteral'
  | 'subscribePattern'
  | 'unsubscribeLiteral'
  | 'unsubscribePattern';

export interface DynsecAcl {
  acltype: DynsecAclType;
  topic: string;
  priority: number;
  allow: boolean;
}

/** Channels a device publishes (device → backend). */
export const DEVICE_PUBLISH_CHANNELS = ['status', 'events', 'telemetry', 'acks'] as const;
/** Channels a device subscribes to (backend → device). */
export const DEVICE_SUBSCRIBE_CHANNELS = ['commands', 'config'] as const;

const ALLOW = 10;
const DENY = 0;
/** `#` does not match topics starting with `$`, so those need their own deny. */
const EVERYTHING = ['#', '$SYS/#', '$CONTROL/#'];

export function deviceRoleName(deviceId: string): string {
  return `device-${deviceId}`;
}

export function deviceRoleAcls(topicRoot: string, deviceId: string): DynsecAcl[] {
  const own = (channel: string) => `${topicRoot}/devices/${deviceId}/${channel}`;
  const acls: DynsecAcl[] = [];
  for (const ch of DEVICE_PUBLISH_CHANNELS) acls.push({ acltype: 'publishClientSend', topic: own(ch), priority: ALLOW, allow: true });
  for (const ch of DEVICE_SUBSCRIBE_CHANNELS) {
    acls.push({ acltype: 'subscribeLiteral', topic: own(ch), priority: ALLOW, allow: true });
    acls.push({ acltype: 'subscribePattern', topic: own(ch), priority: ALLOW, allow: true });
    acls.push({ acltype: 'publishClientReceive', topic: own(ch), priority: ALLOW, allow: true });
    acls.push({ acltype: 'unsubscribeLiteral', topic: own(ch), priority: ALLOW, allow: true });
  }
  for (const topic of EVERYTHING) {
    acls.push({ acltype: 'publishClientSend', topic, priority: DENY, allow: false });
    acls.push({ acltype: 'publishClientReceive', topic, priority: DENY, allow: false });
    acls.push({ acltype: 'subscribePattern', topic, priority: DENY, allow: false });
    acls.push({ acltype: 'subscribeLiteral', topic, priority: DENY, allow: false });
  }
  return acls;
}
