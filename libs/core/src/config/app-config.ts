// The one validated configuration object, built from the environment at boot. Nothing outside this
// module reads process.env: everything receives an AppConfig.

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  nodeEnv: NodeEnv;
  instanceId: string;
  http: { host: string; port: number; corsOrigins: string[]; publicUrl: string };
  log: { level: LogLevel; pretty: boolean };
  database: { url: string; poolSize: number; runMigrations: boolean; logSlowQueriesMs: number };
  redis: { url: string; keyPrefix: string };
  mqtt: {
    url: string;
    topicRoot: string;
    username: string | undefined;
    password: string | undefined;
    clientIdPrefix: string;
    sharedGroup: string;
    ingestConsumers: number;
    ingestBatchSize: number;
    ingestBatchMaxWaitMs: number;
    /** Provision each device as a Mosquitto dynamic-security client (off: dev brokers with anonymous access). */
    dynsecEnabled: boolean;
    dynsecUsername: string | undefined;
    dynsecPassword: string | undefined;
  };
  auth: {
    accessSecret: string;
    refreshSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    loginMaxPerAccount: number;
    loginMaxPerIp: number;
    loginWindowSeconds: number;
  };
  devices: { telemetryPeriodSeconds: number; presenceSweepSeconds: number };
  face: {
    dim: number;
    matchThreshold: number;
    livenessThreshold: number;
    qrSecret: string;
    /** Faces per facelib.sync message of a full library (larger libraries go in chunks). */
    facelibChunkFaces: number;
    /** Per fixed window: face enrol/withdraw and /me/qr, per account (staff: their own limit) and per client IP (residents' requests). */
    limits: { windowSeconds: number; writesPerAccount: number; writesPerStaffAccount: number; writesPerIp: number; qrPerAccount: number; qrPerIp: number };
  };
  uploads: { dir: string; maxBytes: number };
  demo: { seed: boolean; adminLogin: string; adminPassword: string };
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Record<string, string | undefined>;

/** One entry per environment variable: its default (undefined = required) and how it is parsed. */
interface VarSpec<T> {
  name: string;
  default?: string;
  description: string;
  parse: (raw: string) => T | { error: string };
}

const str = (name: string, description: string, def?: string): VarSpec<string> => ({
  name,
  description,
  default: def,
  parse: (raw) => (raw.trim() === '' ? { error: 'must not be empty' } : raw.trim()),
});
const optionalStr = (name: string, description: string): VarSpec<string | undefined> => ({
  name,
  description,
  default: '',
  parse: (raw) => (raw.trim() === '' ? undefined : raw.trim()),
});
const int = (name: string, description: string, def: string | undefined, min: number, max: number): VarSpec<number> => ({
  name,
  description,
  default: def,
  parse: (raw) => {
    if (!/^-?\d+$/.test(raw.trim())) return { error: `must be an integer, got "${raw}"` };
    const n = Number(raw);
    return n < min || n > max ? { error: `must be between ${min} and ${max}, got ${n}` } : n;
  },
});
const num = (name: string, description: string, def: string, min: number, max: number): VarSpec<number> => ({
  name,
  description,
  default: def,
  parse: (raw) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) return { error: `must be a number, got "${raw}"` };
    return n < min || n > max ? { error: `must be between ${min} and ${max}, got ${n}` } : n;
  },
});
const bool = (name: string, description: string, def: string): VarSpec<boolean> => ({
  name,
  description,
  default: def,
  parse: (raw) => {
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    return { error: `must be true or false, got "${raw}"` };
  },
});
const oneOf = <T extends string>(name: string, description: string, def: string, values: readonly T[]): VarSpec<T> => ({
  name,
  description,
  default: def,
  parse: (raw) => ((values as readonly string[]).includes(raw.trim()) ? (raw.trim() as T) : { error: `must be one of ${values.join(', ')}, got "${raw}"` }),
});
const url = (name: string, description: string, def: string, protocols: string[]): VarSpec<string> => ({
  name,
  description,
  default: def,
  parse: (raw) => {
    try {
      const u = new URL(raw.trim());
      return protocols.includes(u.protocol) ? raw.trim() : { error: `must use ${protocols.join(' or ')}, got "${u.protocol}"` };
    } catch {
      return { error: `must be a URL, got "${raw}"` };
    }
  },
});
const secret = (name: string, description: string, def: string | undefined): VarSpec<string> => ({
  name,
  description,
  default: def,
  parse: (raw) => (raw.length < 32 ? { error: 'must be at least 32 characters' } : raw),
});
const topicRoot = (name: string, description: string, def: string): VarSpec<string> => ({
  name,
  description,
  default: def,
  parse: (raw) => (/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(raw.trim()) ? raw.trim() : { error: 'must be slash-separated segments of [A-Za-z0-9_-], no wildcards' }),
});

// Development defaults make `npm start` work on a fresh machine; production refuses them (below).
const DEV_ACCESS_SECRET = 'dev-only-access-secret-change-me-0123456789';
const DEV_REFRESH_SECRET = 'dev-only-refresh-secret-change-me-0123456789';
const DEV_QR_SECRET = 'dev-only-qr-secret-change-me-0123456789abcd';

/** Every variable the apps read, in the order the docs list them. */
export const CONFIG_VARS = {
  nodeEnv: oneOf('NODE_ENV', 'development | test | production', 'development', ['development', 'test', 'production'] as const),
  instanceId: optionalStr('INSTANCE_ID', 'stable name of this process in logs and MQTT client ids; set one per instance when several run on one host (default: hostname-app)'),
  host: str('HOST', 'HTTP bind address', '0.0.0.0'),
  port: int('PORT', 'HTTP port of the api', '3000', 0, 65535),
  publicUrl: url('PUBLIC_URL', 'URL the api is reached at (printed, used in links)', 'http://127.0.0.1:3000', ['http:', 'https:']),
  corsOrigins: str('CORS_ORIGINS', 'comma-separated allowed origins, or *', '*'),
  logLevel: oneOf('LOG_LEVEL', 'fatal | error | warn | info | debug | trace | silent', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
  logPretty: bool('LOG_PRETTY', 'human-readable logs instead of JSON (development only)', 'false'),
  databaseUrl: url('DATABASE_URL', 'PostgreSQL connection URL', 'postgres://postgres@127.0.0.1:5432/smart_community', ['postgres:', 'postgresql:']),
  databasePoolSize: int('DATABASE_POOL_SIZE', 'connections per process', '10', 1, 200),
  databaseRunMigrations: bool('DATABASE_RUN_MIGRATIONS', 'apply pending migrations at start', 'true'),
  databaseSlowQueryMs: int('DATABASE_SLOW_QUERY_MS', 'log queries slower than this', '500', 1, 600000),
  redisUrl: url('REDIS_URL', 'Redis connection URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
  redisKeyPrefix: topicRoot('REDIS_KEY_PREFIX', 'prefix of every Redis key and BullMQ queue (isolates deployments and test runs)', 'sc'),
  mqttUrl: url('MQTT_URL', 'MQTT broker URL', 'mqtt://127.0.0.1:1883', ['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'ws:', 'wss:']),
  mqttTopicRoot: topicRoot('MQTT_TOPIC_ROOT', 'topic root ROOT of the device protocol', 'sc/v1'),
  mqttUsername: optionalStr('MQTT_USERNAME', "the backend's broker username (empty: anonymous, dev brokers only)"),
  mqttPassword: optionalStr('MQTT_PASSWORD', "the backend's broker password"),
  mqttClientIdPrefix: str('MQTT_CLIENT_ID_PREFIX', 'prefix of the backend MQTT client ids', 'sc-backend'),
  mqttSharedGroup: str('MQTT_SHARED_GROUP', 'shared-subscription group that spreads device traffic over api instances', 'api'),
  mqttIngestConsumers: int('MQTT_INGEST_CONSUMERS', 'MQTT connections per api instance that consume device events', '4', 1, 64),
  mqttIngestBatchSize: int('MQTT_INGEST_BATCH_SIZE', 'max events per group commit', '200', 1, 5000),
  mqttIngestBatchWaitMs: int('MQTT_INGEST_BATCH_WAIT_MS', 'max wait before a partial batch is committed', '5', 0, 1000),
  mqttDynsecEnabled: bool('MQTT_DYNSEC_ENABLED', 'provision devices as Mosquitto dynamic-security clients with per-device ACLs', 'false'),
  mqttDynsecUsername: optionalStr('MQTT_DYNSEC_USERNAME', 'broker account allowed to use $CONTROL/dynamic-security (default: MQTT_USERNAME)'),
  mqttDynsecPassword: optionalStr('MQTT_DYNSEC_PASSWORD', 'its password (default: MQTT_PASSWORD)'),
  jwtAccessSecret: secret('JWT_ACCESS_SECRET', 'HMAC secret of access tokens (>= 32 chars)', DEV_ACCESS_SECRET),
  jwtRefreshSecret: secret('JWT_REFRESH_SECRET', 'HMAC secret of refresh tokens (>= 32 chars)', DEV_REFRESH_SECRET),
  jwtAccessTtl: int('JWT_ACCESS_TTL_SECONDS', 'access token lifetime', '900', 5, 86400),
  jwtRefreshTtl: int('JWT_REFRESH_TTL_SECONDS', 'refresh token lifetime', '2592000', 60, 31536000),
  loginMaxPerAccount: int('LOGIN_MAX_PER_ACCOUNT', 'login attempts per account per window', '5', 1, 1000),
  loginMaxPerIp: int('LOGIN_MAX_PER_IP', 'login attempts per client IP per window', '20', 1, 100000),
  loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', 'login rate-limit window', '300', 1, 86400),
  telemetryPeriod: int('DEVICE_TELEMETRY_PERIOD_SECONDS', 'expected telemetry period; 3 missed periods = offline', '30', 1, 3600),
  presenceSweep: int('DEVICE_PRESENCE_SWEEP_SECONDS', 'how often silent devices are checked', '10', 1, 3600),
  faceDim: int('FACE_EMBEDDING_DIM', 'face embedding dimension', '512', 16, 4096),
  faceMatchThreshold: num('FACE_MATCH_THRESHOLD', 'cosine similarity needed for a match (calibrated: bench/face-threshold.bench.ts)', '0.3', -1, 1),
  faceLivenessThreshold: num('FACE_LIVENESS_THRESHOLD', 'liveness score needed (calibrated: bench/face-threshold.bench.ts)', '0.9', 0, 1),
  qrSecret: secret('QR_SECRET', 'HMAC secret of rotating resident QR codes (>= 32 chars)', DEV_QR_SECRET),
  facelibChunkFaces: int('FACELIB_CHUNK_FACES', 'faces per facelib.sync message when a gate gets the full library (512-dim: ~1.4 MB per 500)', '500', 1, 20000),
  faceRateWindow: int('FACE_RATE_WINDOW_SECONDS', 'rate-limit window of face enrol/withdraw and GET /me/qr', '60', 1, 86400),
  faceWritesPerAccount: int('FACE_WRITES_MAX_PER_ACCOUNT', 'face enrolments/withdrawals per resident account per window', '10', 1, 100000),
  faceWritesPerStaffAccount: int('FACE_WRITES_MAX_PER_STAFF_ACCOUNT', 'face enrolments/withdrawals per staff account per window (enrolment desks, imports)', '600', 1, 100000),
  faceWritesPerIp: int('FACE_WRITES_MAX_PER_IP', 'face enrolments/withdrawals by residents per client IP per window', '100', 1, 1000000),
  qrPerAccount: int('QR_MAX_PER_ACCOUNT', 'GET /me/qr per account per window (the app refreshes every 30 s)', '10', 1, 100000),
  qrPerIp: int('QR_MAX_PER_IP', 'GET /me/qr by residents per client IP per window', '600', 1, 1000000),
  uploadsDir: str('UPLOADS_DIR', 'where ticket photos are stored', '.data/uploads'),
  uploadsMaxBytes: int('UPLOADS_MAX_BYTES', 'max size of one upload', '10485760', 1024, 104857600),
  demoSeed: bool('DEMO_SEED', 'seed the demo community at start (idempotent)', 'false'),
  demoAdminLogin: str('DEMO_ADMIN_LOGIN', 'login of the seeded admin', 'admin@demo.community'),
  demoAdminPassword: str('DEMO_ADMIN_PASSWORD', 'password of the seeded demo accounts', 'demo-password-1'),
} as const;

type Specs = typeof CONFIG_VARS;
type Parsed = { [K in keyof Specs]: Specs[K] extends VarSpec<infer T> ? T : never };

/** Builds the config or throws ConfigValidationError listing every bad or missing variable. */
export function loadConfig(env: Env, hostname = 'local', pid?: number): AppConfig {
  const problems: string[] = [];
  const out: Partial<Record<keyof Specs, unknown>> = {};
  for (const [key, spec] of Object.entries(CONFIG_VARS) as [keyof Specs, VarSpec<unknown>][]) {
    const raw = env[spec.name] ?? spec.default;
    if (raw === undefined) {
      problems.push(`${spec.name} is required (${spec.description})`);
      continue;
    }
    const v = spec.parse(raw);
    if (v !== null && typeof v === 'object' && 'error' in (v as object)) problems.push(`${spec.name} ${(v as { error: string }).error}`);
    else out[key] = v;
  }
  const p = out as Parsed;
  if (p.nodeEnv === 'production') {
    if (p.jwtAccessSecret === DEV_ACCESS_SECRET) problems.push('JWT_ACCESS_SECRET must be set in production (the development default is public)');
    if (p.jwtRefreshSecret === DEV_REFRESH_SECRET) problems.push('JWT_REFRESH_SECRET must be set in production (the development default is public)');
    if (p.qrSecret === DEV_QR_SECRET) problems.push('QR_SECRET must be set in production (the development default is public)');
  }
  if (p.jwtAccessSecret && p.jwtAccessSecret === p.jwtRefreshSecret) problems.push('JWT_REFRESH_SECRET must differ from JWT_ACCESS_SECRET');
  if ((p.mqttUsername === undefined) !== (p.mqttPassword === undefined)) problems.push('MQTT_USERNAME and MQTT_PASSWORD must be set together');
  if (problems.length > 0) throw new ConfigValidationError(problems);

  return {
    nodeEnv: p.nodeEnv,
    // Stable across restarts by default: ingestion's persistent MQTT sessions are keyed on it.
    instanceId: p.instanceId ?? (pid === undefined ? hostname : `${hostname}-${pid}`),
    http: {
      host: p.host,
      port: p.port,
      publicUrl: p.publicUrl,
      corsOrigins: p.corsOrigins.split(',').map((s) => s.trim()).filter(Boolean),
    },
    log: { level: p.logLevel, pretty: p.logPretty },
    database: { url: p.databaseUrl, poolSize: p.databasePoolSize, runMigrations: p.databaseRunMigrations, logSlowQueriesMs: p.databaseSlowQueryMs },
    redis: { url: p.redisUrl, keyPrefix: p.redisKeyPrefix },
    mqtt: {
      url: p.mqttUrl,
      topicRoot: p.mqttTopicRoot,
      username: p.mqttUsername,
      password: p.mqttPassword,
      clientIdPrefix: p.mqttClientIdPrefix,
      sharedGroup: p.mqttSharedGroup,
      ingestConsumers: p.mqttIngestConsumers,
      ingestBatchSize: p.mqttIngestBatchSize,
      ingestBatchMaxWaitMs: p.mqttIngestBatchWaitMs,
      dynsecEnabled: p.mqttDynsecEnabled,
      dynsecUsername: p.mqttDynsecUsername ?? p.mqttUsername,
      dynsecPassword: p.mqttDynsecPassword ?? p.mqttPassword,
    },
    auth: {
      accessSecret: p.jwtAccessSecret,
      refreshSecret: p.jwtRefreshSecret,
      accessTtlSeconds: p.jwtAccessTtl,
      refreshTtlSeconds: p.jwtRefreshTtl,
      loginMaxPerAccount: p.loginMaxPerAccount,
      loginMaxPerIp: p.loginMaxPerIp,
      loginWindowSeconds: p.loginWindowSeconds,
    },
    devices: { telemetryPeriodSeconds: p.telemetryPeriod, presenceSweepSeconds: p.presenceSweep },
    face: {
      dim: p.faceDim,
      matchThreshold: p.faceMatchThreshold,
      livenessThreshold: p.faceLivenessThreshold,
      qrSecret: p.qrSecret,
      facelibChunkFaces: p.facelibChunkFaces,
      limits: {
        windowSeconds: p.faceRateWindow,
        writesPerAccount: p.faceWritesPerAccount,
        writesPerStaffAccount: p.faceWritesPerStaffAccount,
        writesPerIp: p.faceWritesPerIp,
        qrPerAccount: p.qrPerAccount,
        qrPerIp: p.qrPerIp,
      },
    },
    uploads: { dir: p.uploadsDir, maxBytes: p.uploadsMaxBytes },
    demo: { seed: p.demoSeed, adminLogin: p.demoAdminLogin, adminPassword: p.demoAdminPassword },
  };
}

/** The names of every variable, with default and description — used by docs and the compose check. */
export function describeConfigVars(): { name: string; default: string | undefined; description: string }[] {
  return Object.values(CONFIG_VARS).map((s) => ({ name: s.name, default: s.default, description: s.description }));
}
