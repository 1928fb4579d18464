// Face entry at the gates against the real Postgres, Redis and Mosquitto: enrolment with consent,
// the decision hot path (faces, resident codes, visitor passes), gate modes, the access log.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { mintResidentQr } from '@app/access';
import { GateDecisionService } from '@app/access/gate/gate-decision.service';
import { AccessState } from '@app/access/state/access-state.service';
import { asUser, createTestEnv, fieldsOf, startTestApi, TestApi, TestEnv, waitFor } from '@app/testing';
import { buildWorld, connectGate, consent, embeddingOf, listen, TestGate, World } from './access-world';

jest.setTimeout(60_000);

describe('face entry at the gates', () => {
  let env: TestEnv;
  let api: TestApi;
  let db: DataSource;
  let w: World;
  let north: TestGate;
  let south: TestGate;
  let door: TestGate;

  beforeAll(async () => {
    env = await createTestEnv('access');
    api = await startTestApi(env, { INSTANCE_ID: 'access-a' });
    db = api.app.get(DataSource);
    w = await buildWorld(api, db);
    [north, south, door] = await Promise.all([connectGate(env, w.perimeter[0]), connectGate(env, w.perimeter[1]), connectGate(env, w.door)]);
    await new Promise((r) => setTimeout(r, 300)); // ingestion subscriptions in place
  });
  afterAll(async () => {
    await Promise.all([north, south, door].filter(Boolean).map((g) => g.close()));
    await api?.close();
    await env?.drop();
  });

  const outcomeOf = async (deviceId: string, eventId: string) => {
    const rows = await waitFor(
      (): Promise<{ outcome: Record<string, any> }[]> => db.query(`SELECT outcome FROM device_events WHERE "deviceId" = $1 AND "eventId" = $2`, [deviceId, eventId]),
      (r) => r.length === 1,
    );
    return rows[0].outcome;
  };

  describe('enrolment', () => {
    it('enrols a resident’s own face with consent and never returns the template', async () => {
      const res = await asUser(api, w.a.token).post(`/residents/${w.a.id}/face`, { embedding: embeddingOf('a'), consent });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ residentId: w.a.id, enrolled: true, consents: [{ action: 'given', noticeVersion: 'privacy-2026-01', channel: 'app', actorRole: 'resident' }] });
      expect(JSON.stringify(res.body)).not.toContain(embeddingOf('a').slice(0, 30));
      const [row] = await db.query(`SELECT dim, length(template) AS bytes FROM face_templates WHERE "residentId" = $1`, [w.a.id]);
      expect(row).toEqual({ dim: 512, bytes: 2048 });
      expect(api.app.get(AccessState).hasFace(w.a.id)).toBe(true);
    });

    it('refuses enrolment without consent (422) and a bad embedding (400 naming the field)', async () => {
      const noConsent = await asUser(api, w.b.token).post(`/residents/${w.b.id}/face`, { embedding: embeddingOf('b') });
      expect(noConsent.status).toBe(422);
      expect(noConsent.body.code).toBe('FACE_CONSENT_REQUIRED');
      const refused = await asUser(api, w.b.token).post(`/residents/${w.b.id}/face`, { embedding: embeddingOf('b'), consent: { ...consent, given: false } });
      expect(refused.status).toBe(422);
      const short = await asUser(api, w.b.token).post(`/residents/${w.b.id}/face`, { embedding: Buffer.alloc(100).toString('base64'), consent });
      expect(short.status).toBe(400);
      expect(fieldsOf(short.body)).toEqual(['embedding']);
      const zero = await asUser(api, w.b.token).post(`/residents/${w.b.id}/face`, { embedding: Buffer.alloc(2048).toString('base64'), consent });
      expect(zero.status).toBe(400);
      expect(fieldsOf(zero.body)).toEqual(['embedding']);
      const badConsent = await asUser(api, w.b.token).post(`/residents/${w.b.id}/face`, { embedding: embeddingOf('b'), consent: { given: true, channel: 'fax' } });
      expect(badConsent.status).toBe(400);
      expect([...new Set(fieldsOf(badConsent.body))].sort()).toEqual(['consent.channel', 'consent.noticeVersion']);
      expect(Number((await db.query(`SELECT count(*)::int AS n FROM face_templates WHERE "residentId" = $1`, [w.b.id]))[0].n)).toBe(0);
    });

    it('lets staff of the site enrol on a resident’s behalf, and nobody else', async () => {
      expect((await asUser(api, w.a.token).post(`/residents/${w.b.id}/face`, { embedding: embeddingOf('b'), consent })).status).toBe(404);
      expect((await asUser(api, w.otherSiteManager).post(`/residents/${w.b.id}/face`, { embedding: embeddingOf('b'), consent })).status).toBe(404);
      const res = await asUser(api, w.technician).post(`/residents/${w.b.id}/face`, { embedding: embeddingOf('b'), consent: { ...consent, channel: 'console' } });
      expect(res.status).toBe(200);
      expect(res.body.consents[0]).toMatchObject({ action: 'given', channel: 'console', actorRole: 'staff' });
    });
  });

  describe('the hot path', () => {
    it('opens for a genuine face, answering with requestId = event id, and stores the decision', async () => {
      const id = await north.face('a');
      const cmd = await north.answerTo(id);
      expect(cmd).toMatchObject({ type: 'gate.open', requestId: id, data: { personId: w.a.id, durationMs: 5000 } });
      expect(Date.parse(cmd!.expiresAt) - Date.now()).toBeLessThanOrEqual(3000);
      const o = await outcomeOf(north.id, id);
      expect(o).toMatchObject({ method: 'face', credential: 'face', result: 'granted', reason: 'policy', personId: w.a.id, personKind: 'resident', unitIds: [w.unitA.id], command: { id: cmd!.id, type: 'gate.open', status: 'sent' } });
      expect(o.score).toBeGreaterThan(0.5);
      expect(o.latencyUs).toBeGreaterThan(0);
      const [row] = await db.query(`SELECT data FROM device_events WHERE "eventId" = $1`, [id]);
      expect(JSON.stringify(row.data)).not.toContain('"embedding"');
    });

    it('answers the gate while the log cannot be written, and shows the entry live only once it is stored', async () => {
      const staff = await listen(api.url, w.manager);
      const locker = new Client({ connectionString: env.databaseUrl });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE device_events IN ACCESS EXCLUSIVE MODE');
        const id = await north.face('a');
        expect(await north.answerTo(id)).toMatchObject({ type: 'gate.open', requestId: id });
        await new Promise((r) => setTimeout(r, 400));
        expect(staff.received.filter((r) => r.event === 'access.event' && r.payload.id === id)).toEqual([]);
        await locker.query('ROLLBACK');
        const pushed = await waitFor(async () => staff.received.find((r) => r.event === 'access.event' && r.payload.id === id), (x) => !!x, 10_000);
        expect(pushed!.payload).toMatchObject({ decision: 'granted', personId: w.a.id });
        expect(await outcomeOf(north.id, id)).toMatchObject({ result: 'granted' });
      } finally {
        await locker.end();
        staff.socket.close();
      }
    });

    it('opens the building door for its residents only by their building policy', async () => {
      const id = await door.face('b');
      expect(await door.answerTo(id)).toMatchObject({ type: 'gate.open', data: { personId: w.b.id } });
    });

    it('denies an impostor (unknown_face) and a low liveness (liveness_failed)', async () => {
      const stranger = await north.face(null);
      expect(await north.answerTo(stranger)).toMatchObject({ type: 'gate.deny', data: { reason: 'unknown_face' } });
      const photo = await north.face('a', { liveness: 0.3 });
      expect(await north.answerTo(photo)).toMatchObject({ type: 'gate.deny', data: { reason: 'liveness_failed' } });
      expect(await outcomeOf(north.id, photo)).toMatchObject({ result: 'denied', reason: 'liveness_failed', personId: null, score: null });
    });

    it('sends one command per scan, whatever the redeliveries', async () => {
      const id = randomUUID();
      await north.face('a', { id });
      await north.answerTo(id);
      // The device replays its outbox (same id) twice; the broker would redeliver the same way.
      await north.face('a', { id });
      await north.face('a', { id });
      await new Promise((r) => setTimeout(r, 700));
      expect(north.answersTo(id)).toHaveLength(1);
      expect(Number((await db.query(`SELECT count(*)::int AS n FROM device_events WHERE "eventId" = $1`, [id]))[0].n)).toBe(1);
    });

    it('stays silent on a broker redelivery of an answered scan and on a stale one', async () => {
      const decisions = api.app.get(GateDecisionService);
      const device = { id: north.id, kind: 'gate' as const, siteId: w.site.id, buildingId: null, name: 'north' };
      const answered = await north.face('a');
      await north.answerTo(answered);
      const again = await decisions.onFace({ device, receivedAt: new Date(), redelivered: true, afterStored: () => undefined, event: { id: answered, type: 'access.face', ts: new Date().toISOString(), data: { embedding: embeddingOf('a'), dim: 512, liveness: 0.97 } } });
      expect(again).toMatchObject({ silent: 'already_answered', result: 'granted', personId: w.a.id });
      const staleId = randomUUID();
      const stale = await decisions.onFace({ device, receivedAt: new Date(), redelivered: true, afterStored: () => undefined, event: { id: staleId, type: 'access.face', ts: new Date(Date.now() - 60_000).toISOString(), data: { embedding: embeddingOf('a'), dim: 512, liveness: 0.97 } } });
      expect(stale).toMatchObject({ silent: 'stale_redelivery', command: null });
      await new Promise((r) => setTimeout(r, 300));
      expect(north.answersTo(answered)).toHaveLength(1);
      expect(north.answersTo(staleId)).toHaveLength(0);
    });

    it('denies a withdrawn face at once and keeps the consent trail', async () => {
      const res = await asUser(api, w.b.token).del(`/residents/${w.b.id}/face`);
      expect(res.status).toBe(200);
      expect(res.body.enrolled).toBe(false);
      expect(res.body.consents.map((c: { action: string }) => c.action)).toEqual(['withdrawn', 'given']);
      const id = await door.face('b');
      expect(await door.answerTo(id)).toMatchObject({ type: 'gate.deny', data: { reason: 'unknown_face' } });
      expect((await asUser(api, w.b.token).del(`/residents/${w.b.id}/face`)).status).toBe(404);
      const audit = await db.query(`SELECT action FROM audit_log WHERE "entityId" = $1 ORDER BY at`, [w.b.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['face.enrol', 'face.withdraw']));
    });
  });

  describe('codes', () => {
    it('opens for a resident’s current code and refuses an expired one', async () => {
      const res = await asUser(api, w.a2.token).get('/me/qr');
      expect(res.status).toBe(200);
      expect(Date.parse(res.body.refreshAt)).toBeGreaterThan(Date.now());
      const ok = await south.qr(res.body.token);
      expect(await south.answerTo(ok)).toMatchObject({ type: 'gate.open', data: { personId: w.a2.id } });
      expect(await outcomeOf(south.id, ok)).toMatchObject({ method: 'qr', credential: 'resident_qr', result: 'granted', personId: w.a2.id });
      const old = mintResidentQr(api.config.face.qrSecret, w.a2.id, Date.now() - 5 * 60_000).token;
      const expired = await south.qr(old);
      expect(await south.answerTo(expired)).toMatchObject({ type: 'gate.deny', data: { reason: 'not_authorized' } });
      expect(await outcomeOf(south.id, expired)).toMatchObject({ result: 'denied', detail: 'expired' });
      const forged = await south.qr(mintResidentQr('another-secret-that-is-long-enough', w.a2.id, Date.now()).token);
      expect(await south.answerTo(forged)).toMatchObject({ type: 'gate.deny', data: { reason: 'not_authorized' } });
    });

    it('opens exactly one of two gates scanning a single-use visitor pass at once', async () => {
      const created = await asUser(api, w.a.token).post('/visitor-passes', { visitorName: 'Wang Fang', validFrom: new Date(Date.now() - 60_000).toISOString(), validUntil: new Date(Date.now() + 3600_000).toISOString(), maxUses: 1 });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'active', usesLeft: 1, unitId: w.unitA.id });
      const [n, s] = await Promise.all([north.qr(created.body.token), south.qr(created.body.token)]);
      const answers = [await north.answerTo(n), await south.answerTo(s)];
      expect(answers.map((c) => c!.type).sort()).toEqual(['gate.deny', 'gate.open']);
      expect(answers.find((c) => c!.type === 'gate.deny')!.data.reason).toBe('pass_used_up');
      const pass = await asUser(api, w.a.token).get(`/visitor-passes/${created.body.id}`);
      expect(pass.body).toMatchObject({ uses: 1, usesLeft: 0, status: 'used_up' });
      const third = await north.qr(created.body.token);
      expect(await north.answerTo(third)).toMatchObject({ type: 'gate.deny', data: { reason: 'pass_used_up' } });
    });

    it('refuses a revoked pass and a forged pass token', async () => {
      const created = await asUser(api, w.b.token).post('/visitor-passes', { visitorName: 'Zhao', validFrom: new Date().toISOString(), validUntil: new Date(Date.now() + 3600_000).toISOString(), maxUses: 5 });
      expect((await asUser(api, w.a.token).post(`/visitor-passes/${created.body.id}/revoke`)).status).toBe(404);
      expect((await asUser(api, w.b.token).post(`/visitor-passes/${created.body.id}/revoke`)).body.status).toBe('revoked');
      const id = await north.qr(created.body.token);
      expect(await north.answerTo(id)).toMatchObject({ type: 'gate.deny', data: { reason: 'not_authorized' } });
      const forged = await north.qr(`v1.${created.body.id}.${'A'.repeat(24)}`);
      expect(await north.answerTo(forged)).toMatchObject({ type: 'gate.deny', data: { reason: 'not_authorized' } });
      // A well-formed token whose pass id is not a uuid is answered too (it never reaches the database).
      const odd = await north.qr(`v1.not-a-uuid.${'B'.repeat(24)}`);
      expect(await north.answerTo(odd)).toMatchObject({ type: 'gate.deny', data: { reason: 'not_authorized' } });
      expect(await outcomeOf(north.id, odd)).toMatchObject({ result: 'denied', credential: 'visitor_pass', detail: 'unknown pass' });
    });

    it('validates a new pass field by field', async () => {
      const res = await asUser(api, w.a.token).post('/visitor-passes', { visitorName: '', validFrom: 'tomorrow', validUntil: new Date().toISOString(), maxUses: 0, extra: 1 });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['visitorName', 'validFrom', 'extra']));
      const rules = await asUser(api, w.a.token).post('/visitor-passes', { visitorName: 'X', validFrom: new Date().toISOString(), validUntil: new Date(Date.now() + 3600_000).toISOString(), maxUses: 500, gateIds: ['gate-nowhere'] });
      expect(rules.status).toBe(400);
      expect(fieldsOf(rules.body)).toEqual(['maxUses', 'gateIds.0']);
      expect((await asUser(api, w.manager).post('/visitor-passes', { visitorName: 'X', validFrom: new Date().toISOString(), validUntil: new Date(Date.now() + 3600_000).toISOString(), maxUses: 1 })).status).toBe(403);
    });
  });

  describe('gate modes', () => {
    it('locks a site down (denying even a genuine resident), then releases it; audited', async () => {
      expect((await asUser(api, w.technician).post(`/sites/${w.site.id}/lockdown`, {})).status).toBe(403);
      expect((await asUser(api, w.otherSiteManager).post(`/sites/${w.site.id}/lockdown`, {})).status).toBe(404);
      const res = await asUser(api, w.manager).post(`/sites/${w.site.id}/lockdown`, { reason: 'drill' });
      expect(res.status).toBe(200);
      expect(res.body.gates.map((g: { deviceId: string }) => g.deviceId).sort()).toEqual([...w.perimeter, w.door].sort());
      await waitFor(async () => north.commands.find((c) => c.type === 'gate.mode' && c.data.mode === 'lockdown'), (c) => !!c);
      const id = await north.face('a');
      expect(await north.answerTo(id)).toMatchObject({ type: 'gate.deny', data: { reason: 'lockdown' } });
      expect((await asUser(api, w.manager).post(`/sites/${w.site.id}/release`, {})).status).toBe(200);
      const after = await north.face('a');
      expect(await north.answerTo(after)).toMatchObject({ type: 'gate.open' });
      const audit = await db.query(`SELECT action, after FROM audit_log WHERE "entityId" = $1 AND action LIKE 'site.%' ORDER BY at`, [w.site.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['site.lockdown', 'site.gates_release']);
      expect(audit[0].after).toMatchObject({ mode: 'lockdown', reason: 'drill' });
    });

    it('opens remotely for staff with a reason and reports the gate’s ack', async () => {
      const noReason = await asUser(api, w.technician).post(`/gates/${south.id}/open`, {});
      expect(noReason.status).toBe(400);
      expect(fieldsOf(noReason.body)).toEqual(['reason']);
      const res = await asUser(api, w.technician).post(`/gates/${south.id}/open`, { reason: 'Delivery van' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('acked');
      expect(south.commands.find((c) => c.id === res.body.commandId)).toMatchObject({ type: 'gate.open' });
      const o = await outcomeOf(south.id, res.body.eventId);
      expect(o).toMatchObject({ method: 'remote', result: 'granted', detail: 'Delivery van' });
    });

    it('lets a resident open a gate they may use, and not one they may not', async () => {
      expect((await asUser(api, w.a.token).post(`/gates/${door.id}/open`, {})).body.status).toBe('acked');
      const other = await createOtherBuildingDoor();
      const res = await asUser(api, w.a.token).post(`/gates/${other}/open`, {});
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('GATE_NOT_ALLOWED');
    });
  });

  describe('the access log', () => {
    it('shows staff every entry of their site and residents only their household’s and their visitors’', async () => {
      const staff = await asUser(api, w.manager).get(`/access/events?siteId=${w.site.id}&limit=200`);
      expect(staff.status).toBe(200);
      const people = new Set(staff.body.items.map((e: { personId: string | null }) => e.personId));
      expect(people.has(w.a.id) && people.has(w.b.id) && people.has(w.a2.id)).toBe(true);
      const a = await asUser(api, w.a.token).get('/access/events?limit=200');
      expect(a.status).toBe(200);
      expect(a.body.items.length).toBeGreaterThan(0);
      for (const e of a.body.items) expect(e.unitIds.includes(w.unitA.id) || e.personId === w.a.id).toBe(true);
      expect(a.body.items.some((e: { personKind: string }) => e.personKind === 'visitor')).toBe(true);
      expect(a.body.items.some((e: { personId: string }) => e.personId === w.b.id)).toBe(false);
      const b = await asUser(api, w.b.token).get('/access/events?limit=200');
      expect(b.body.items.some((e: { personId: string }) => e.personId === w.a.id)).toBe(false);
      expect((await asUser(api, w.otherSiteManager).get(`/access/events?siteId=${w.site.id}`)).body.items).toEqual([]);
    });

    it('filters and pages with a cursor', async () => {
      const denied = await asUser(api, w.manager).get(`/access/events?result=denied&gateId=${north.id}&limit=2`);
      expect(denied.status).toBe(200);
      expect(denied.body.items).toHaveLength(2);
      expect(denied.body.items.every((e: { result: string; deviceId: string }) => e.result === 'denied' && e.deviceId === north.id)).toBe(true);
      const next = await asUser(api, w.manager).get(`/access/events?result=denied&gateId=${north.id}&limit=2&cursor=${denied.body.nextCursor}`);
      expect(next.body.items.length).toBeGreaterThan(0);
      const ids = new Set(denied.body.items.map((e: { id: string }) => e.id));
      expect(next.body.items.some((e: { id: string }) => ids.has(e.id))).toBe(false);
      expect(Date.parse(next.body.items[0].at)).toBeLessThanOrEqual(Date.parse(denied.body.items[1].at));
      const mine = await asUser(api, w.manager).get(`/access/events?personId=${w.a2.id}`);
      expect(mine.body.items.every((e: { personId: string }) => e.personId === w.a2.id)).toBe(true);
      expect((await asUser(api, w.manager).get('/access/events?result=maybe')).status).toBe(400);
      expect((await asUser(api, w.manager).get('/access/events?cursor=garbage')).status).toBe(400);
      expect((await asUser(api, w.manager).get('/access/events?from=yesterday')).status).toBe(400);
    });

    it('streams a CSV export with the same scope', async () => {
      const res = await asUser(api, w.a.token).get('/access/events.csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const lines = res.text.trim().split('\n');
      expect(lines[0]).toBe('at,id,siteId,deviceId,method,credential,result,reason,personId,personKind,personName,visitorName,passId,score,latencyUs');
      expect(lines.length).toBeGreaterThan(2);
      expect(res.text).not.toContain(w.b.id);
    });
  });

  describe('alarms', () => {
    it('turns a gate alarm into an alarm staff acknowledge and resolve', async () => {
      await door.event('alarm', { kind: 'tamper', detail: 'cover opened' });
      await door.event('alarm', { kind: 'tamper', detail: 'cover opened again' });
      const list = await waitFor(() => asUser(api, w.technician).get(`/access/alarms?siteId=${w.site.id}&status=open`), (r) => r.body.items?.some((a: { kind: string }) => a.kind === 'tamper'));
      const tamper = list.body.items.filter((a: { kind: string; deviceId: string }) => a.kind === 'tamper' && a.deviceId === door.id);
      expect(tamper).toHaveLength(1);
      const ack = await asUser(api, w.technician).post(`/access/alarms/${tamper[0].id}/acknowledge`, { note: 'on my way' });
      expect(ack.body).toMatchObject({ status: 'acknowledged', note: 'on my way' });
      expect((await asUser(api, w.technician).post(`/access/alarms/${tamper[0].id}/acknowledge`, {})).status).toBe(409);
      expect((await asUser(api, w.technician).post(`/access/alarms/${tamper[0].id}/resolve`, {})).body.status).toBe('resolved');
      expect((await asUser(api, w.a.token).get('/access/alarms')).status).toBe(403);
    });

    it('takes a door opening the moment its gate.open arrives as that entry, not as forced', async () => {
      // A new gate, so no earlier grant there can excuse the opening.
      const created = await asUser(api, w.admin).post('/devices', { kind: 'gate', siteId: w.site.id, name: 'East gate' });
      const east = await connectGate(env, created.body.id);
      const scan = await east.face('a');
      expect(await east.answerTo(scan)).toMatchObject({ type: 'gate.open', data: { personId: w.a.id } });
      const opened = await east.event('door.state', { state: 'open' });
      expect(await outcomeOf(created.body.id, opened)).toEqual({ door: 'open' });
      await east.event('door.state', { state: 'closed' });
      await east.close();
    });

    it('raises forced_open for a door opening without an entry, and held_open for one left open', async () => {
      // A gate nobody was let through lately.
      const quiet = await connectGate(env, await createOtherBuildingDoor());
      await asUser(api, w.manager).patch(`/gates/${quiet.id}/access-settings`, { heldOpenSeconds: 5 }).expect(200);
      await quiet.event('door.state', { state: 'open' });
      const alarms = await waitFor(
        () => asUser(api, w.technician).get(`/access/alarms?siteId=${w.site.id}&status=open`),
        (r) => ['forced_open', 'held_open'].every((k) => r.body.items?.some((a: { kind: string; deviceId: string }) => a.kind === k && a.deviceId === quiet.id)),
        12_000,
      );
      expect(alarms.body.items.filter((a: { deviceId: string }) => a.deviceId === quiet.id).map((a: { kind: string }) => a.kind).sort()).toEqual(['forced_open', 'held_open']);
      await quiet.event('door.state', { state: 'closed' });
      await quiet.close();
    });
  });

  describe('moving out', () => {
    it('removes the face, revokes the resident’s passes and refuses their code', async () => {
      const pass = await asUser(api, w.a.token).post('/visitor-passes', { visitorName: 'Later', validFrom: new Date().toISOString(), validUntil: new Date(Date.now() + 3600_000).toISOString(), maxUses: 3 });
      const code = (await asUser(api, w.a.token).get('/me/qr')).body.token as string;
      expect((await asUser(api, w.manager).post(`/residents/${w.a.id}/move-out`)).status).toBe(200);
      await waitFor(async () => api.app.get(AccessState).hasFace(w.a.id), (has) => !has);
      expect(Number((await db.query(`SELECT count(*)::int AS n FROM face_templates WHERE "residentId" = $1`, [w.a.id]))[0].n)).toBe(0);
      const trail = await db.query(`SELECT action, channel, "actorRole" FROM face_consents WHERE "residentId" = $1 ORDER BY at DESC`, [w.a.id]);
      expect(trail[0]).toEqual({ action: 'withdrawn', channel: 'move_out', actorRole: 'system' });
      expect((await asUser(api, w.manager).get(`/visitor-passes/${pass.body.id}`)).body.status).toBe('revoked');
      const face = await north.face('a');
      expect(await north.answerTo(face)).toMatchObject({ type: 'gate.deny', data: { reason: 'unknown_face' } });
      const qr = await north.qr(code);
      expect(await north.answerTo(qr)).toMatchObject({ type: 'gate.deny', data: { reason: 'not_authorized' } });
    });
  });

  /** A door of another building of the site (resident a's groups do not list it). */
  async function createOtherBuildingDoor(): Promise<string> {
    const [b] = await db.query(`INSERT INTO buildings ("siteId", name, code) VALUES ($1, 'Other', $2) RETURNING id`, [w.site.id, `O${randomUUID().slice(0, 6)}`]);
    const res = await asUser(api, w.admin).post('/devices', { kind: 'gate', siteId: w.site.id, name: 'Other door', buildingId: b.id });
    return res.body.id as string;
  }
});
