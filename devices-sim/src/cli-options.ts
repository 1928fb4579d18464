import { parseArgs } from 'node:util';
import { assertTopicRoot, DEFAULT_TOPIC_ROOT, MAX_TELEMETRY_PERIOD_MS } from '@app/contracts';
import { DEFAULT_CREDENTIALS_CACHE } from './provisioning/provision-devices';

export const CLI_USAGE = `Usage: npm run sim -- [options]

Connection
  --mqtt-url URL          broker (default mqtt://127.0.0.1:1883)
  --root ROOT             topic root (default ${DEFAULT_TOPIC_ROOT})
  --mqtt-version 4|5      MQTT protocol version (default 4 = 3.1.1)
Devices
  --credentials FILE      JSON [{deviceId, kind, username, password}] — skips provisioning
  --api URL               backend for provisioning (default http://127.0.0.1:3000)
  --login LOGIN           admin login (default admin)
  --password PASSWORD     admin password (or env SIM_ADMIN_PASSWORD)
  --site ID               site to provision into (required without --credentials)
  --gates N --speakers M  how many (default 6 and 4)
  --prefix NAME           device name prefix (default sim)
  --cache FILE            credentials cache (default ${DEFAULT_CREDENTIALS_CACHE})
Behaviour
  --seed S                seed of every random choice (default 42)
  --telemetry-s N         telemetry period, ≤ 30 (default 10)
  --event-interval-s N    mean seconds between ambient events per device, 0 = none (default 5)
  --persons N             synthetic people using the gates (default 50)
  --face-seed S           seed of their faces (default: --seed)
  --duration-s N          stop after N seconds (default: run until Ctrl-C)
Faults
  --drop-every-s N        mean seconds between connection drops per device (default: never)
  --drop-for-s N          length of each drop (default 5)
  --dup P                 probability of publishing an event twice (default 0)
  --ack-delay-ms N        delay before acking a command (default 0)
  --skew-ms N             device clock skew, ± (default 0; negative as --skew-ms=-3000)
Output
  --live                  one-line summary every second (default when stdout is a TTY)
  --quiet                 no live line
  --report FILE           also write the final report as JSON
`;

export interface CliOptions {
  mqttUrl: string;
  root: string;
  mqttVersion: 4 | 5;
  credentialsFile?: string;
  apiUrl: string;
  login: string;
  password?: string;
  siteId?: string;
  gates: number;
  speakers: number;
  prefix: string;
  cacheFile: string;
  seed: string;
  telemetryPeriodMs: number;
  eventIntervalMs: number;
  persons: number;
  faceSeed?: string;
  durationMs?: number;
  dropEveryMs?: number;
  dropForMs: number;
  duplicateProbability: number;
  ackDelayMs: number;
  clockSkewMs: number;
  live?: boolean;
  reportFile?: string;
  help: boolean;
}

/** Parses and checks argv (without node and script); throws with a readable message. */
export function parseCliOptions(argv: string[], env: Record<string, string | undefined> = {}): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      'mqtt-url': { type: 'string', default: 'mqtt://127.0.0.1:1883' },
      root: { type: 'string', default: DEFAULT_TOPIC_ROOT },
      'mqtt-version': { type: 'string', default: '4' },
      credentials: { type: 'string' },
      api: { type: 'string', default: 'http://127.0.0.1:3000' },
      login: { type: 'string', default: 'admin' },
      password: { type: 'string' },
      site: { type: 'string' },
      gates: { type: 'string', default: '6' },
      speakers: { type: 'string', default: '4' },
      prefix: { type: 'string', default: 'sim' },
      cache: { type: 'string', default: DEFAULT_CREDENTIALS_CACHE },
      seed: { type: 'string', default: '42' },
      'telemetry-s': { type: 'string', default: '10' },
      'event-interval-s': { type: 'string', default: '5' },
      persons: { type: 'string', default: '50' },
      'face-seed': { type: 'string' },
      'duration-s': { type: 'string' },
      'drop-every-s': { type: 'string' },
      'drop-for-s': { type: 'string', default: '5' },
      dup: { type: 'string', default: '0' },
      'ack-delay-ms': { type: 'string', default: '0' },
      'skew-ms': { type: 'string', default: '0' },
      live: { type: 'boolean' },
      quiet: { type: 'boolean' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  const num = (name: string, raw: string | undefined, min: number, max: number, integer = false): number => {
    const n = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got "${raw}"`);
    }
    return n;
  };

  const version = values['mqtt-version'];
  if (version !== '4' && version !== '5') throw new Error('--mqtt-version must be 4 or 5');
  const options: CliOptions = {
    mqttUrl: values['mqtt-url'] as string,
    root: assertTopicRoot(values.root as string),
    mqttVersion: version === '5' ? 5 : 4,
    credentialsFile: values.credentials,
    apiUrl: values.api as string,
    login: values.login as string,
    password: values.password ?? env.SIM_ADMIN_PASSWORD,
    siteId: values.site,
    gates: num('gates', values.gates, 0, 10_000, true),
    speakers: num('speakers', values.speakers, 0, 10_000, true),
    prefix: values.prefix as string,
    cacheFile: values.cache as string,
    seed: values.seed as string,
    telemetryPeriodMs: num('telemetry-s', values['telemetry-s'], 0.1, MAX_TELEMETRY_PERIOD_MS / 1000) * 1000,
    eventIntervalMs: num('event-interval-s', values['event-interval-s'], 0, 86_400) * 1000,
    persons: num('persons', values.persons, 1, 1_000_000, true),
    faceSeed: values['face-seed'],
    durationMs: values['duration-s'] === undefined ? undefined : num('duration-s', values['duration-s'], 0.1, 1e7) * 1000,
    dropEveryMs: values['drop-every-s'] === undefined ? undefined : num('drop-every-s', values['drop-every-s'], 1, 1e7) * 1000,
    dropForMs: num('drop-for-s', values['drop-for-s'], 0, 86_400) * 1000,
    duplicateProbability: num('dup', values.dup, 0, 1),
    ackDelayMs: num('ack-delay-ms', values['ack-delay-ms'], 0, 600_000, true),
    clockSkewMs: num('skew-ms', values['skew-ms'], -86_400_000, 86_400_000, true),
    live: values.quiet ? false : values.live,
    reportFile: values.report,
    help: values.help as boolean,
  };
  if (!options.help && !options.credentialsFile) {
    if (!options.siteId) throw new Error('--site is required unless --credentials is given');
    if (!options.password) throw new Error('--password (or SIM_ADMIN_PASSWORD) is required unless --credentials is given');
  }
  return options;
}
