import { DataSource } from 'typeorm';
import { QueueName, QueueProducer } from '@app/core';
import { Factories, TEST_PASSWORD, TestApi, TestEnv, asUser, createTestEnv, signIn, startTestApi } from '@app/testing';

// A request id given by the caller (or made by the api) follows the request into the jobs it enqueues.
describe('correlation ids from requests into jobs', () => {
  let env: TestEnv;
  let api: TestApi;

  beforeAll(async () => {
    env = await createTestEnv('corr');
    api = await startTestApi(env);
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
  });

  it('echoes the caller-supplied x-request-id and carries it into the job a request enqueues', async () => {
    const f = new Factories(api.app.get(DataSource));
    const site = await f.site();
    const admin = asUser(api, await signIn(api, (await f.staff([site], 'admin')).login, TEST_PASSWORD));
    const device = (await admin.post('/devices', { kind: 'speaker', siteId: site.id, name: 'corr speaker' })).body as { id: string };
    const res = await admin.put(`/devices/${device.id}/config`, { volumeCap: 60, quietHours: { from: '22:00', to: '07:00', volumeCap: 25, tz: 'Asia/Shanghai' }, maxSessionMinutes: 30 }).set('x-request-id', 'req-corr-0001');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('req-corr-0001');
    const queue = api.app.get(QueueProducer).queue(QueueName.DeviceCommands);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    const job = jobs.find((j) => j.name === 'deliver-durable');
    expect(job?.data).toMatchObject({ correlationId: 'req-corr-0001' });
  });

  it('makes up an id when the caller sends none or an unsafe one', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const none = await api.http.get('/api/v1/me');
    expect(none.status).toBe(401);
    expect(none.headers['x-request-id']).toMatch(uuid);
    const unsafe = await api.http.post('/api/v1/auth/login').set('x-request-id', 'bad id; DROP TABLE').send({ login: 'x@y.zz', password: 'p' });
    expect(unsafe.status).toBe(401);
    expect(unsafe.headers['x-request-id']).toMatch(uuid);
  });
});
