import { ConfigValidationError, describeConfigVars, loadConfig } from './app-config';

describe('configuration', () => {
  it('starts on a fresh machine with no variables set, with development defaults', () => {
    const c = loadConfig({}, 'host', 42);
    expect(c.nodeEnv).toBe('development');
    expect(c.instanceId).toBe('host-42');
    expect(c.database.url).toBe('postgres://postgres@127.0.0.1:5432/smart_community');
    expect(c.mqtt).toMatchObject({ url: 'mqtt://127.0.0.1:1883', topicRoot: 'sc/v1', sharedGroup: 'api' });
    expect(c.http.port).toBe(3000);
  });

  it('lists every bad variable at once, not only the first', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MQTT_TOPIC_ROOT: 'sc/#', LOG_LEVEL: 'loud', JWT_ACCESS_SECRET: 'short' });
      throw new Error('expected a ConfigValidationError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigValidationError);
      const problems = (err as ConfigValidationError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'MQTT_TOPIC_ROOT', 'LOG_LEVEL', 'JWT_ACCESS_SECRET']) expect(problems).toContain(name);
      expect((err as ConfigValidationError).problems).toHaveLength(5);
    }
  });

  it('refuses the public development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET must be set in production[\s\S]*QR_SECRET/);
  });

  it('accepts production with real secrets', () => {
    const c = loadConfig({ NODE_ENV: 'production', JWT_ACCESS_SECRET: 'a'.repeat(40), JWT_REFRESH_SECRET: 'b'.repeat(40), QR_SECRET: 'c'.repeat(40) });
    expect(c.nodeEnv).toBe('production');
  });

  it('requires MQTT username and password together', () => {
    expect(() => loadConfig({ MQTT_USERNAME: 'backend' })).toThrow(/MQTT_USERNAME and MQTT_PASSWORD must be set together/);
    expect(loadConfig({ MQTT_USERNAME: 'backend', MQTT_PASSWORD: 'pw' }).mqtt).toMatchObject({ username: 'backend', password: 'pw' });
  });

  it('parses numbers, booleans and lists', () => {
    const c = loadConfig({ PORT: '8080', DEMO_SEED: 'yes', CORS_ORIGINS: 'https://a.example, https://b.example', FACE_MATCH_THRESHOLD: '0.42' });
    expect(c.http.port).toBe(8080);
    expect(c.demo.seed).toBe(true);
    expect(c.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.face.matchThreshold).toBe(0.42);
    expect(() => loadConfig({ DEMO_SEED: 'maybe' })).toThrow(/DEMO_SEED must be true or false/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be between 0 and 65535/);
  });

  it('describes every variable for the docs', () => {
    const names = describeConfigVars().map((v) => v.name);
    expect(names).toContain('DATABASE_URL');
    expect(new Set(names).size).toBe(names.length);
  });
});
