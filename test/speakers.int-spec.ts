// Community speakers end to end: the real api and worker, Postgres, Redis (BullMQ timers) and
// Mosquitto, with simulated speakers (devices-sim) pairing phones, clamping volume and playing
// announcements. Claim and pairing windows are shortened through the zone's timings.
import { randomUUID } from 'node:crypto';
import { asUser, startTestApi, TestApi } from '@app/testing';
import { clockIn, daytimeRules, Person, PlacedSpeaker, randomMac, sleep, SpeakersWorld, until } from './speakers-world';

jest.setTimeout(90_000);

describe('community speakers', () => {
  let w: SpeakersWorld;
  let a: Person;
  let b: Person;
  let c: Person;
  let zoneId: string;
  let s1: PlacedSpeaker;
  let s2: PlacedSpeaker;
  let second: TestApi | undefined;

  beforeAll(async () => {
    w = await SpeakersWorld.start('speakers');
    [a, b, c] = [await w.resident(), await w.resident(), await w.resident()];
    const zone = await w.zone('Lakeside plaza', daytimeRules({ volumeCap: 70, defaultVolume: 40, maxSessionMinutes: 30, dailySessionCap: 10 }), { pairingSeconds: 5, claimSeconds: 5 });
    zoneId = zone.id;
    s1 = await w.speaker('Lakeside north');
    s2 = await w.speaker('Lakeside south');
    await w.place(s1, zoneId);
    await w.place(s2, zoneId);
  });

  afterAll(async () => {
    await second?.app.close();
    await w?.close();
  });

  /** Ends whatever runs on the speaker (staff), so each test starts from a free speaker. */
  async function clear(speaker: PlacedSpeaker): Promise<void> {
    const state = await w.state(speaker.id);
    if (state.session) await w.as(w.technician).del(`/speaker-sessions/${state.session.sessionId}`).send({ reason: 'test reset' }).expect(200);
    for (const entry of state.queue) {
      const [place] = (await w.db.query(`SELECT id FROM speaker_sessions WHERE "speakerId" = $1 AND "residentId" = $2 AND status = 'queued'`, [speaker.id, entry.residentId])) as { id: string }[];
      if (place) await w.as(w.technician).del(`/speaker-sessions/${place.id}`).send({ reason: 'test reset' }).expect(200);
    }
    await until('speaker free', async () => {
      const s = await w.state(speaker.id);
      return !s.session && s.queue.length === 0 && !s.announcement;
    });
  }

  describe('zones and speakers', () => {
    it('pushes the zone rules to each speaker as its retained config, and shows live state by role', async () => {
      expect(s1.sim.config).toMatchObject({ volumeCap: 70, maxSessionMinutes: 30, quietHours: { volumeCap: 20, tz: 'Asia/Shanghai' } });
      const staffView = await w.as(w.technician).get(`/speakers/${s1.id}`).expect(200);
      expect(staffView.body).toMatchObject({ id: s1.id, name: 'Lakeside north', zoneName: 'Lakeside plaza', online: true, mode: 'idle', cap: 70, session: null, queue: [] });
      const residentView = await w.as(a.token).get(`/speakers/${s1.id}`).expect(200);
      expect(residentView.body).toMatchObject({ online: true, inUse: false, mine: null });
      expect(residentView.body.session).toBeUndefined();
      const list = await w.as(a.token).get('/speakers').expect(200);
      expect(list.body.map((s: { id: string }) => s.id).sort()).toEqual([s1.id, s2.id].sort());
    });

    it('plugs into the realtime gateway: staff snapshot, opt-in speaker rooms for the site only', async () => {
      const staff = await w.live(w.technician);
      expect(staff.snapshot.speakers.map((x: { id: string }) => x.id).sort()).toEqual([s1.id, s2.id].sort());
      const resident = await w.live(a.token);
      expect(await resident.ask('subscribe', { topic: 'speaker', id: s1.id })).toMatchObject({ ok: true, data: { room: `speaker:${s1.id}` } });
      const joined = await resident.next('snapshot', (p) => p.reason === 'subscribe');
      expect(joined.speakers).toEqual([expect.objectContaining({ id: s1.id, online: true, mode: 'idle', sessionId: null })]);
      expect(await resident.ask('subscribe', { topic: 'speaker', id: 'speaker-0000000000' })).toMatchObject({ ok: false });
      expect(await resident.ask('subscribe', { topic: 'announcement', id: randomUUID() })).toMatchObject({ ok: false });
      // The room hears a session start without learning whose it is.
      const sessionId = await w.connect(b, s1);
      const state = await resident.next('speaker.state', (p) => p.id === s1.id && p.mode === 'active');
      expect(state.sessionId).toBeNull();
      expect((await staff.next('speaker.state', (p) => p.id === s1.id && p.mode === 'active')).sessionId).toBe(sessionId);
      staff.close();
      resident.close();
      await clear(s1);
    });

    it('a zone change reaches the speakers live (new config version, new cap)', async () => {
      const before = s1.sim.config!.version;
      await w.as(w.manager).patch(`/speaker-zones/${zoneId}`, { rules: { volumeCap: 65 } }).expect(200);
      await until('new config on the speaker', () => (s1.sim.config?.version ?? 0) > before && s1.sim.config?.volumeCap === 65);
      await w.as(w.manager).patch(`/speaker-zones/${zoneId}`, { rules: { volumeCap: 70 } }).expect(200);
      await until('config back', () => s1.sim.config?.volumeCap === 70);
      const audit = (await w.db.query(`SELECT action FROM audit_log WHERE "entityId" = $1 ORDER BY at`, [zoneId])) as { action: string }[];
      expect(audit.map((x) => x.action)).toEqual(['speaker.zone.create', 'speaker.zone.update', 'speaker.zone.update']);
    });
  });

  describe('pairing', () => {
    it('connects the phone that uses the right code; a wrong code is refused and the window stays open', async () => {
      const res = await w.as(a.token).post(`/speakers/${s1.id}/sessions`).expect(201);
      expect(res.body).toMatchObject({ status: 'pairing', speakerId: s1.id, code: expect.stringMatching(/^\d{6}$/) });
      const { sessionId, code } = res.body;
      // Asking again answers with the same session and code.
      expect((await w.as(a.token).post(`/speakers/${s1.id}/sessions`).expect(201)).body).toMatchObject({ sessionId, code });
      await until('pairing window', () => (s1.sim as any).pairing?.sessionId === sessionId);
      const wrong = code === '000000' ? '111111' : '000000';
      // The speaker itself refuses a wrong code…
      expect(s1.sim.pairPhone(wrong, randomMac())).toBe(false);
      // …and a speaker that reports one anyway gets the phone thrown off, the window re-opened.
      const commandsBefore = s1.sim.stats().commandsReceived;
      s1.sim.emitEvent('bt.connected', { sessionId, code: wrong, phoneMac: randomMac() });
      await until('disconnect + pairing.open again', () => s1.sim.stats().commandsReceived >= commandsBefore + 2);
      expect((await w.state(s1.id)).session).toMatchObject({ sessionId, phase: 'pairing' });
      const outcome = await until('stored outcome', async () => {
        const [e] = (await w.db.query(`SELECT outcome FROM device_events WHERE "deviceId" = $1 AND type = 'bt.connected' ORDER BY "receivedAt" DESC LIMIT 1`, [s1.id])) as { outcome: any }[];
        return e?.outcome;
      });
      expect(outcome).toEqual({ speaker: 'invalid_code' });

      expect(s1.sim.pairPhone(code, randomMac())).toBe(true);
      await until('connected', async () => (await w.state(s1.id)).session?.phase === 'connected');
      const view = await w.as(a.token).get(`/speakers/${s1.id}`).expect(200);
      expect(view.body).toMatchObject({ mode: 'active', inUse: true, volume: 40, mine: { kind: 'session', sessionId, phase: 'connected', code: null } });
      expect(await w.record(sessionId)).toMatchObject({ status: 'connected', residentId: a.residentId });
      // Another resident sees "in use", never who.
      const other = await w.as(b.token).get(`/speakers/${s1.id}`).expect(200);
      expect(other.body).toMatchObject({ inUse: true, mine: null });
      expect(JSON.stringify(other.body)).not.toContain(a.residentId);
      expect(JSON.stringify(other.body)).not.toContain(sessionId);
      await clear(s1);
    });

    it('an expired code ends the pairing; a late connect with it is refused', async () => {
      const res = await w.as(b.token).post(`/speakers/${s2.id}/sessions`).expect(201);
      const { sessionId, code } = res.body;
      await until('pairing window', () => (s2.sim as any).pairing?.sessionId === sessionId);
      // pairingSeconds = 5: the worker's timer ends it.
      await until('pairing expired', async () => (await w.record(sessionId))?.status === 'ended', 15_000);
      expect(await w.record(sessionId)).toMatchObject({ endReason: 'pairing_expired', countsTowardDailyCap: false });
      expect(s2.sim.pairPhone(code, randomMac())).toBe(false);
      s2.sim.emitEvent('bt.connected', { sessionId, code, phoneMac: randomMac() });
      const outcome = await until('stored outcome', async () => {
        const [e] = (await w.db.query(`SELECT outcome FROM device_events WHERE "deviceId" = $1 AND type = 'bt.connected' ORDER BY "receivedAt" DESC LIMIT 1`, [s2.id])) as { outcome: any }[];
        return e?.outcome;
      });
      expect(outcome).toEqual({ speaker: 'code_expired' });
      expect((await w.state(s2.id)).session).toBeNull();
    });
  });

  describe('reconnect', () => {
    it('a phone that drops out of range gets a fresh code and comes back into the same session', async () => {
      const sessionId = await w.connect(a, s1);
      s1.sim.leave('out_of_range');
      const view = await until('reconnect window', async () => {
        const v = (await w.as(a.token).get(`/speakers/${s1.id}`)).body;
        return v.mine?.phase === 'reconnecting' && v;
      });
      expect(view.mine).toMatchObject({ kind: 'session', sessionId, code: expect.stringMatching(/^\d{6}$/) });
      await until('paired again', () => s1.sim.pairPhone(view.mine.code, randomMac()));
      await until('connected again', async () => (await w.state(s1.id)).session?.phase === 'connected');
      expect((await w.record(sessionId)).timeline.map((e: { event: string }) => e.event)).toEqual(['pairing', 'connected', 'reconnecting', 'connected']);
      // The phone leaving for good ends it.
      s1.sim.leave('user');
      await until('ended by the resident leaving', async () => (await w.record(sessionId))?.endReason === 'resident_disconnected');
    });
  });

  describe('queue and claim window', () => {
    it('serves the queue in order; an unclaimed turn passes to the next, who claims it', async () => {
      const live = await w.live(b.token);
      const sessionA = await w.connect(a, s1);
      const qb = await w.as(b.token).post(`/speakers/${s1.id}/sessions`).expect(201);
      expect(qb.body).toMatchObject({ status: 'queued', position: 1, estimatedWaitSeconds: expect.any(Number) });
      const qc = await w.as(c.token).post(`/speakers/${s1.id}/sessions`).expect(201);
      expect(qc.body).toMatchObject({ status: 'queued', position: 2 });
      expect(qc.body.estimatedWaitSeconds).toBeGreaterThan(qb.body.estimatedWaitSeconds);
      // One place at a time: B cannot also queue at the other speaker.
      const twice = await w.as(b.token).post(`/speakers/${s2.id}/sessions`).expect(409);
      expect(twice.body.code).toBe('SPEAKER_ALREADY_HOLDING');
      // Claiming before it is your turn is refused.
      expect((await w.as(b.token).post(`/speaker-sessions/${qb.body.sessionId}/claim`).expect(409)).body.code).toBe('SPEAKER_NOT_YOUR_TURN');
      await live.next('speaker.queue', (p) => p.id === s1.id && p.position === 1);

      // A leaves: B is offered the turn (5 s to claim) and lets it pass.
      await w.as(a.token).del(`/speaker-sessions/${sessionA}`).expect(200);
      expect(await w.record(sessionA)).toMatchObject({ status: 'ended', endReason: 'ended_by_resident' });
      await live.next('notification', (n) => n.kind === 'speaker.turn_offered');
      await until('turn passed to C', async () => (await w.record(qb.body.sessionId))?.status === 'missed', 15_000);
      await live.next('notification', (n) => n.kind === 'speaker.turn_missed');
      const state = await w.state(s1.id);
      expect(state.queue).toEqual([expect.objectContaining({ residentId: c.residentId, offeredAt: expect.any(Number) })]);

      const claimed = await w.as(c.token).post(`/speaker-sessions/${qc.body.sessionId}/claim`).expect(200);
      // The queue place becomes the session (same id) with its own one-time code.
      expect(claimed.body).toMatchObject({ status: 'pairing', sessionId: qc.body.sessionId, code: expect.stringMatching(/^\d{6}$/) });
      await until('paired', () => s1.sim.pairPhone(claimed.body.code, randomMac()));
      await until('C connected', async () => (await w.record(qc.body.sessionId))?.status === 'connected');
      await clear(s1);
    });
  });

  describe('concurrency', () => {
    it('simultaneous requests on two api instances serialize: one pairing, a gap-free queue, one place per resident', async () => {
      // Kept running to the end of the file: its persistent MQTT session shares the device traffic.
      const other = await startTestApi(w.env, { INSTANCE_ID: 'speakers-api-2', LOGIN_MAX_PER_IP: '10000' });
      second = other;
      {
        const people = [a, b, c, await w.resident(), await w.resident(), await w.resident()];
        const answers = await Promise.all(
          people.map((p, i) => (i % 2 ? asUser(other, p.token) : w.as(p.token)).post(`/speakers/${s2.id}/sessions`).then((r) => r.body)),
        );
        expect(answers.filter((x) => x.status === 'pairing')).toHaveLength(1);
        expect(answers.filter((x) => x.status === 'queued').map((x) => x.position).sort()).toEqual([1, 2, 3, 4, 5]);
        const state = await w.state(s2.id);
        expect(new Set([state.session.residentId, ...state.queue.map((e: { residentId: string }) => e.residentId)]).size).toBe(6);
        // The same resident on both instances at two speakers at once: only one place.
        const d = await w.resident();
        const both = await Promise.all([w.as(d.token).post(`/speakers/${s1.id}/sessions`), asUser(other, d.token).post(`/speakers/${s2.id}/sessions`)]);
        expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
        await clear(s1);
        await clear(s2);
      }
    });
  });

  describe('role scoping and bad input', () => {
    it('a resident cannot see, end or turn down another resident’s session; staff end it with a reason', async () => {
      const sessionA = await w.connect(a, s1);
      await w.as(b.token).get(`/speaker-sessions/${sessionA}`).expect(404);
      expect((await w.as(b.token).del(`/speaker-sessions/${sessionA}`).expect(404)).body.code).toBe('SPEAKER_SESSION_NOT_FOUND');
      await w.as(b.token).put(`/speaker-sessions/${sessionA}/volume`, { level: 10 }).expect(404);
      expect((await w.state(s1.id)).session?.sessionId).toBe(sessionA);
      // Staff must say why.
      const noReason = await w.as(w.technician).del(`/speaker-sessions/${sessionA}`).expect(400);
      expect(noReason.body.details).toEqual([{ field: 'reason', reason: 'is required for staff' }]);
      const ended = await w.as(w.technician).del(`/speaker-sessions/${sessionA}`).send({ reason: 'too loud for the neighbours' }).expect(200);
      expect(ended.body).toMatchObject({ status: 'ended', endReason: 'ended_by_staff', endNote: 'too loud for the neighbours' });
      await until('phone thrown off', () => s1.sim.sessionId === null);
      const [audit] = (await w.db.query(`SELECT action, after FROM audit_log WHERE action = 'speaker.session.end' AND "entityId" = $1 AND after->>'sessionId' = $2`, [s1.id, sessionA])) as { action: string; after: any }[];
      expect(audit.after).toMatchObject({ sessionId: sessionA, reason: 'too loud for the neighbours' });
      // Residents list only their own history.
      const mine = await w.as(b.token).get('/speaker-sessions?limit=200').expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(mine.body.items.every((x: { residentId: string }) => x.residentId === b.residentId)).toBe(true);
      expect((await w.as(w.technician).get(`/speaker-sessions?speakerId=${s1.id}&limit=1`).expect(200)).body.nextCursor).toEqual(expect.any(String));
      const metrics = (await w.api.http.get('/metrics')).text;
      expect(metrics).toMatch(/sc_speaker_sessions_ended_total\{reason="ended_by_staff"\} [1-9]/);
      // Staff cannot take turns; residents cannot configure.
      expect((await w.as(w.technician).post(`/speakers/${s1.id}/sessions`).expect(403)).body.statusCode).toBe(403);
      await w.as(a.token).post('/speaker-zones', { siteId: w.site.id, name: 'Mine' }).expect(403);
      await w.as(a.token).post('/announcements', { text: 'hi', target: { kind: 'site', id: w.site.id }, priority: 'normal' }).expect(403);
    });

    it('answers bad input with clear 400s naming the fields', async () => {
      const rules = await w.as(w.manager).post('/speaker-zones', { siteId: w.site.id, name: 'Broken', rules: { volumeCap: 150, quietHours: { from: '25:00' }, loudness: 3 } }).expect(400);
      expect(rules.body.code).toBe('SPEAKER_INVALID_ZONE_RULES');
      expect(rules.body.details.map((d: { field: string }) => d.field)).toEqual(['rules.loudness']);
      const values = await w.as(w.manager).post('/speaker-zones', { siteId: w.site.id, name: 'Broken', rules: { volumeCap: 150, quietHours: { from: '25:00' } }, timings: { claimSeconds: 1 } }).expect(400);
      expect(values.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['rules.quietHours.from', 'rules.volumeCap']);
      const timings = await w.as(w.manager).post('/speaker-zones', { siteId: w.site.id, name: 'Broken', timings: { claimSeconds: 1, nap: 3 } }).expect(400);
      expect(timings.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['timings.claimSeconds', 'timings.nap']);
      const session = await w.connect(a, s1);
      const volume = await w.as(a.token).put(`/speaker-sessions/${session}/volume`, { level: 101 }).expect(400);
      expect(volume.body.details.map((d: { field: string }) => d.field)).toEqual(['level']);
      await w.as(a.token).put(`/speaker-sessions/${session}/volume`, { level: 'loud' }).expect(400);
      await w.as(a.token).put(`/speaker-sessions/not-a-uuid/volume`, { level: 10 }).expect(400);
      await w.as(a.token).get(`/speaker-sessions/${randomUUID()}`).expect(404);
      await w.as(a.token).post(`/speakers/bad id!/sessions`).expect(400);
      await w.as(a.token).post(`/speakers/speaker-0000000000/sessions`).expect(404);
      const announcement = await w.as(w.technician).post('/announcements', { target: { kind: 'zone', id: zoneId }, priority: 'urgent' }).expect(400);
      expect(announcement.body.details.map((d: { field: string }) => d.field)).toEqual(['priority']);
      const empty = await w.as(w.technician).post('/announcements', { target: { kind: 'zone', id: zoneId }, priority: 'normal' }).expect(400);
      expect(empty.body.message).toMatch(/text or audioUrl/);
      const ban = await w.as(w.technician).post('/speaker-bans', { residentId: b.residentId, reason: 'x', until: '2001-01-01T00:00:00Z' }).expect(400);
      expect(ban.body.details).toEqual([{ field: 'until', reason: 'until must be in the future' }]);
      await clear(s1);
    });
  });

  describe('volume and quiet hours', () => {
    it('clamps to the zone cap; quiet hours starting mid-session clamp the running session live', async () => {
      const session = await w.connect(a, s1);
      const loud = await w.as(a.token).put(`/speaker-sessions/${session}/volume`, { level: 90 }).expect(200);
      expect(loud.body).toMatchObject({ requested: 90, level: 70, cap: 70, clamped: true, limitedBy: 'zone_cap' });
      await until('speaker at 70', () => s1.sim.volume === 70);
      const live = await w.live(a.token);
      // Quiet hours begin now (sessions allowed at a lower cap): the session is brought under it at once.
      await w.as(w.manager).patch(`/speaker-zones/${zoneId}`, { rules: { sessionsAllowedInQuietHours: true, quietHours: { from: clockIn(-30), to: clockIn(60), volumeCap: 15 } } }).expect(200);
      await live.next('notification', (n) => n.kind === 'speaker.volume_clamped');
      await until('speaker at the quiet cap', () => s1.sim.volume === 15 && s1.sim.cap() === 15);
      expect((await w.state(s1.id)).session).toMatchObject({ sessionId: session, volume: 15 });
      const quiet = await w.as(a.token).put(`/speaker-sessions/${session}/volume`, { level: 60 }).expect(200);
      expect(quiet.body).toMatchObject({ level: 15, cap: 15, clamped: true, limitedBy: 'quiet_hours' });
      // The phone turns the knob: the speaker itself never goes above the cap.
      expect(s1.sim.setVolume(95)).toBe(15);
      // Staff lock the zone lower still.
      await w.as(w.technician).put(`/speaker-zones/${zoneId}/volume-lock`, { level: 10, reason: 'complaint from block 3' }).expect(200);
      await until('speaker under the lock', () => s1.sim.volume === 10);
      expect((await w.as(a.token).put(`/speaker-sessions/${session}/volume`, { level: 60 }).expect(200)).body).toMatchObject({ level: 10, limitedBy: 'staff_lock' });
      await w.as(w.technician).put(`/speaker-zones/${zoneId}/volume-lock`, { level: null }).expect(200);

      // Quiet hours that forbid sessions end the running one and hold the queue until morning.
      await w.as(b.token).post(`/speakers/${s1.id}/sessions`).expect(201);
      await w.as(w.manager).patch(`/speaker-zones/${zoneId}`, { rules: { sessionsAllowedInQuietHours: false } }).expect(200);
      await until('session ended by quiet hours', async () => (await w.record(session))?.endReason === 'quiet_hours');
      const held = await w.state(s1.id);
      expect(held).toMatchObject({ quiet: true, paused: true, session: null, queue: [expect.objectContaining({ residentId: b.residentId, offeredAt: null })] });
      expect((await w.as(c.token).post(`/speakers/${s2.id}/sessions`).expect(409)).body.code).toBe('SPEAKER_QUIET_HOURS');
      // Morning (quiet hours moved away): the queue resumes and B is offered the turn.
      await w.as(w.manager).patch(`/speaker-zones/${zoneId}`, { rules: daytimeRules() }).expect(200);
      await until('turn offered after quiet hours', async () => (await w.state(s1.id)).queue[0]?.offeredAt !== null);
      await clear(s1);
    });
  });

  describe('announcements', () => {
    it('an emergency interrupts the music at once and the session resumes with its time given back', async () => {
      const session = await w.connect(a, s1);
      s1.sim.play('Moon River', 'Andy Williams');
      const before = (await w.state(s1.id)).session.endsAt as number;
      const res = await w.as(w.technician).post('/announcements', { text: 'Fire drill: please leave the plaza', target: { kind: 'speaker', id: s1.id }, priority: 'emergency', durationSeconds: 3 }).expect(201);
      const id = res.body.id as string;
      await until('announcing', async () => (await w.state(s1.id)).mode === 'announcing');
      await until('the speaker talks', () => s1.sim.announcement?.announcementId === id);
      expect(await w.record(session)).toMatchObject({ status: 'interrupted' });
      const played = await until('delivered', async () => {
        const a2 = await w.as(w.technician).get(`/announcements/${id}`).expect(200);
        return a2.body.status === 'delivered' && a2.body;
      });
      expect(played.deliveries).toEqual([expect.objectContaining({ speakerId: s1.id, status: 'played', ackedAt: expect.any(String) })]);
      const resumed = await w.state(s1.id);
      expect(resumed.mode).toBe('active');
      expect(resumed.session.givenBackMs).toBeGreaterThanOrEqual(2500);
      expect(resumed.session.endsAt - before).toBe(resumed.session.givenBackMs);
      expect(await w.record(session)).toMatchObject({ status: 'connected' });
      expect(s1.sim.played).toContain(id);
      await until('music back', () => s1.sim.playback === 'playing' && s1.sim.announcement === null);
      await clear(s1);
    });

    it('a normal announcement waits for a gap, then plays; its zone delivery is tracked per speaker', async () => {
      const session = await w.connect(a, s1);
      const res = await w.as(w.technician).post('/announcements', { text: 'The pool closes at nine', target: { kind: 'zone', id: zoneId }, priority: 'normal', durationSeconds: 3 }).expect(201);
      const id = res.body.id as string;
      // s2 is free: it plays there now; s1 waits for its session.
      await until('played on s2', async () => (await w.as(w.technician).get(`/announcements/${id}`)).body.deliveries.find((d: any) => d.speakerId === s2.id)?.status === 'played');
      let view = (await w.as(w.technician).get(`/announcements/${id}`).expect(200)).body;
      expect(view.deliveries.find((d: any) => d.speakerId === s1.id).status).toBe('queued');
      expect(view.status).toBe('playing');
      await w.as(a.token).del(`/speaker-sessions/${session}`).expect(200);
      view = await until('delivered everywhere', async () => {
        const v = (await w.as(w.technician).get(`/announcements/${id}`)).body;
        return v.status === 'delivered' && v;
      });
      expect(view.summary).toMatchObject({ total: 2, played: 2, failed: 0 });
      expect(s1.sim.played).toContain(id);
    });
  });

  describe('scheduled announcements', () => {
    it('waits for its time (its timer in the worker), then plays and is tracked to delivered', async () => {
      const schedule = new Date(Date.now() + 2500).toISOString();
      const res = await w.as(w.technician).post('/announcements', { text: 'Yoga starts in ten minutes', target: { kind: 'speaker', id: s2.id }, priority: 'normal', schedule, durationSeconds: 2 }).expect(201);
      expect(res.body).toMatchObject({ status: 'scheduled', schedule, deliveries: [expect.objectContaining({ speakerId: s2.id, status: 'queued' })] });
      const done = await until('delivered', async () => {
        const v = (await w.as(w.technician).get(`/announcements/${res.body.id}`)).body;
        return v.status === 'delivered' && v;
      });
      expect(new Date(done.deliveries[0].sentAt).getTime()).toBeGreaterThanOrEqual(Date.parse(schedule));
      const listed = await w.as(w.technician).get(`/announcements?siteId=${w.site.id}`).expect(200);
      expect(listed.body.items[0]).toMatchObject({ id: res.body.id, status: 'delivered' });
    });
  });

  describe('speaker offline', () => {
    it('a speaker dropping offline ends the session fairly; the queue waits and moves on when it is back', async () => {
      const session = await w.connect(a, s2);
      const queued = await w.as(b.token).post(`/speakers/${s2.id}/sessions`).expect(201);
      s2.sim.crash();
      await w.deviceOnline(s2.id, false);
      await until('session ended offline', async () => (await w.record(session))?.endReason === 'speaker_offline');
      expect(await w.record(session)).toMatchObject({ countsTowardDailyCap: false });
      const state = await w.state(s2.id);
      expect(state).toMatchObject({ online: false, session: null, queue: [expect.objectContaining({ residentId: b.residentId, offeredAt: null })] });
      expect((await w.as(c.token).post(`/speakers/${s2.id}/sessions`).expect(409)).body.code).toBe('SPEAKER_SPEAKER_OFFLINE');
      s2 = await w.restartSim(s2);
      await w.deviceOnline(s2.id, true);
      await until('B offered the turn', async () => (await w.state(s2.id)).queue[0]?.offeredAt !== null);
      const claimed = await w.as(b.token).post(`/speaker-sessions/${queued.body.sessionId}/claim`).expect(200);
      await until('paired after restart', () => s2.sim.pairPhone(claimed.body.code, randomMac()));
      await until('B connected', async () => (await w.record(queued.body.sessionId))?.status === 'connected');
      await clear(s2);
    });
  });

  describe('staff control', () => {
    it('a ban ends the resident’s session and refuses new ones until it ends; stop silences a speaker', async () => {
      const session = await w.connect(c, s1);
      const ban = await w.as(w.technician).post('/speaker-bans', { residentId: c.residentId, reason: 'ignored the quiet rules', minutes: 60 }).expect(201);
      expect(ban.body).toMatchObject({ active: true, residentId: c.residentId });
      await until('banned session ended', async () => (await w.record(session))?.endReason === 'ended_by_staff');
      expect((await w.as(c.token).post(`/speakers/${s1.id}/sessions`).expect(403)).body.code).toBe('SPEAKER_BANNED');
      await w.as(w.technician).post(`/speaker-bans/${ban.body.id}/lift`).expect(200);

      const other = await w.connect(a, s1);
      await w.as(w.technician).post(`/speakers/${s1.id}/stop`, { reason: 'event on stage' }).expect(204);
      await until('stopped', async () => (await w.record(other))?.status === 'ended');
      await until('idle', () => s1.sim.playback === 'idle' && s1.sim.sessionId === null);
      await sleep(100);
    });
  });
});
