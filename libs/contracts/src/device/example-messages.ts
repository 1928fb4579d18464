import type { DeviceCommandDataMap } from './command-schemas';
import type { DeviceConfig } from './config-schema';
import type { DeviceEventDataMap } from './event-schemas';
import type { DeviceTelemetry } from './telemetry-schema';

// One valid example per message type. Typed as the full maps, so adding a type to a registry without
// an example fails to compile; used by specs and as examples in docs/asyncapi.yaml.

/** base64 of the float32 LE vector [0.5, -0.5, 0.5, -0.5] (dim 4). */
export const EXAMPLE_EMBEDDING_DIM4 = 'AAAAPwAAAL8AAAA/AAAAvw==';

export const EXAMPLE_EVENT_DATA: DeviceEventDataMap = {
  'access.face': { embedding: EXAMPLE_EMBEDDING_DIM4, dim: 4, liveness: 0.97 },
  'access.face_local': { personId: 'p-123', score: 0.91, decision: 'granted', reason: 'offline' },
  'access.qr': { token: 'rq1.eyJ1IjoiMTIzIn0.sig' },
  'door.state': { state: 'open' },
  alarm: { kind: 'held_open', detail: 'door open for 95 s' },
  'bt.connected': { sessionId: 's-9', code: '123456', phoneMac: 'AA:BB:CC:DD:EE:FF' },
  'bt.disconnected': { sessionId: 's-9', reason: 'user' },
  playback: { state: 'playing', title: 'Jasmine Flower', artist: 'Traditional' },
  volume: { level: 40 },
  'announcement.played': { announcementId: 'a-1', status: 'played' },
};

export const EXAMPLE_COMMAND_DATA: DeviceCommandDataMap = {
  'gate.open': { durationMs: 5000, display: 'Welcome home', personId: 'p-123' },
  'gate.deny': { reason: 'unknown_face', display: 'Not recognised' },
  'gate.mode': { mode: 'lockdown' },
  'facelib.sync': {
    version: 42,
    full: false,
    upserts: [{ personId: 'p-123', embedding: EXAMPLE_EMBEDDING_DIM4, validUntil: null }],
    removes: ['p-77'],
  },
  'speaker.pairing.open': { sessionId: 's-9', code: '123456', until: '2025-06-01T10:05:00.000Z' },
  'speaker.disconnect': { sessionId: 's-9', reason: 'session time is up' },
  'speaker.volume': { level: 50, cap: 60 },
  'speaker.announce': { announcementId: 'a-1', text: 'The pool closes in 10 minutes', priority: 'normal' },
  'speaker.stop': {},
  'speaker.music': { action: 'play', playlist: 'soft-morning', level: 30, cap: 60 },
};

export const EXAMPLE_CONFIG: DeviceConfig = {
  version: 7,
  volumeCap: 60,
  quietHours: { from: '22:00', to: '07:00', volumeCap: 25, tz: 'Asia/Shanghai' },
  maxSessionMinutes: 30,
};

export const EXAMPLE_TELEMETRY: DeviceTelemetry = {
  ts: '2025-06-01T10:00:00.000Z',
  configVersion: 7,
  uptimeS: 3600,
  battery: null,
  rssi: -61,
  door: 'closed',
  mode: 'normal',
  facelibVersion: 42,
  facelibSize: 310,
};
