import { TestApi, TestEnv, createTestEnv, startTestApi } from '@app/testing';

describe('health, readiness, metrics and API docs', () => {
  let env: TestEnv;
  let api: TestApi;

  beforeAll(async () => {
    env = await createTestEnv('health');
    api = await startTestApi(env);
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
  });

  it('reports liveness without auth', async () => {
    const res = await api.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports each dependency in readiness', async () => {
    // The MQTT connection comes up asynchronously; give it a moment.
    let res = await api.http.get('/health/ready');
    for (let i = 0; i < 50 && res.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await api.http.get('/health/ready');
    }
    expect(res.status).toBe(200);
    expect(res.body.details).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' }, mqtt: { status: 'up' } });
  });

  it('exposes Prometheus metrics with the HTTP latency histogram and queue depths', async () => {
    await api.http.get('/api/v1/me');
    const res = await api.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('sc_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/sc_queue_jobs\{queue="device-commands",state="waiting"\} 0/);
    expect(res.text).toContain('sc_process_cpu_seconds_total');
  });

  it('serves the OpenAPI document', async () => {
    const res = await api.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/me']));
  });

  it('answers unknown routes with the common error shape', async () => {
    const res = await api.http.get('/api/v1/does-not-exist').set('Authorization', 'Bearer x');
    expect([401, 404]).toContain(res.status);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: res.status, error: expect.any(String), message: expect.any(String) }));
  });
});
