// The speaker protocol extensions end to end (docs/protocol-extensions.md), with the real api and
// worker, Postgres, Redis and Mosquitto and simulated speakers: background music (`speaker.music`)
// at a zone schedule's start, giving way to a resident and coming back; deliveries marked played
// from the speaker's `announcement.played` report (duration only as a fallback), garbage reports
// dropped and counted; speaker notices in the resident's inbox.
import { randomUUID } from 'node:crypto';
import { QueueName, QueueProducer, stableJobId } from '@app/core';
import { clockIn, daytimeRules, Person, PlacedSpeaker, randomMac, sleep, SpeakersWorld, until } from './speakers-world';

jest.setTimeout(150_000);

describe('speaker extensions: background music, played reports, inbox notices', () => {
  let w: SpeakersWorld;
  let a: Person;
  let b: Person;
  let plainZoneId: string;
  let reporting: PlacedSpeaker;
  let silent: PlacedSpeaker;

  beforeAll(async () => {
    w = await SpeakersWorld.start('spkext');
    [a, b] = [await w.resident(), await w.resident()];
    plainZoneId = (await w.zone('Tennis court', daytimeRules({ dailySessionCap: 20 }))).id;
    reporting = await w.speaker('Court north', 1500);
    silent = await w.speaker('Court south (old firmware)', 1500, { reportsPlayed: false });
    await w.place(reporting, plainZoneId);
    await w.place(silent, plainZoneId);
  });

  afterAll(async () => {
    await w?.close();
  });

  async function delivery(announcementId: string, speakerId: string): Promise<any> {
    const view = (await w.as(w.technician).get(`/announcements/${announcementId}`).expect(200)).body;
    return view.deliveries.find((d: { speakerId: string }) => d.speakerId === speakerId);
  }

  describe('background music', () => {
    let lawn: PlacedSpeaker;
    let lawnZoneId: string;

    it('starts at the window start on an idle speaker, stops when a resident pairs, resumes after, stays under the quiet cap', async () => {
      // The window opens at the next minute boundary (at least 15 s away, so set-up is done by then).
      const toNextMinute = 60_000 - (Date.now() % 60_000);
      const minutes = toNextMinute < 15_000 ? 2 : 1;
      const boundary = Date.now() + toNextMinute + (minutes - 1) * 60_000;
      const music = [{ from: clockIn(minutes), to: clockIn(minutes + 30), volume: 30, playlist: 'soft-morning' }];
      const zone = await w.zone('Music lawn', daytimeRules({ backgroundMusic: music, volumeCap: 60, dailySessionCap: 20 }), { pairingSeconds: 30 });
      lawnZoneId = zone.id;
      lawn = await w.speaker('Music lawn speaker');
      await w.place(lawn, zone.id);
      const staff = await w.live(w.technician);
      expect(lawn.sim.backgroundMusic).toBeNull();
      // The start is a BullMQ delayed job in Redis (it survives a worker restart; the sweep is the net).
      const job = await w.worker!.get(QueueProducer).queue(QueueName.SpeakerTimers).getJob(stableJobId('spkzone', zone.id, boundary));
      expect(await job?.getState()).toBe('delayed');

      await until('music on the speaker', () => lawn.sim.backgroundMusic, toNextMinute + 70_000, 50);
      expect(Date.now() - boundary).toBeLessThan(3000);
      expect(lawn.sim.backgroundMusic).toEqual({ playlist: 'soft-morning', level: 30 });
      expect(lawn.sim.playback).toBe('playing');
      const pushed = await staff.next('speaker.state', (p) => p.id === lawn.id && p.mode === 'background');
      expect(pushed.backgroundMusic).toEqual({ playlist: 'soft-morning', level: 30 });
      expect((await w.as(a.token).get(`/speakers/${lawn.id}`).expect(200)).body).toMatchObject({ mode: 'background', inUse: false, backgroundMusic: { playlist: 'soft-morning', level: 30 } });

      // A resident asks for a turn: the music stops as the pairing window opens.
      const res = await w.as(a.token).post(`/speakers/${lawn.id}/sessions`).expect(201);
      await until('music stopped', () => lawn.sim.backgroundMusic === null);
      expect(await w.state(lawn.id)).toMatchObject({ mode: 'pairing', music: null });
      await until('paired', () => lawn.sim.pairPhone(res.body.code, randomMac()));
      await until('connected', async () => (await w.state(lawn.id)).session?.phase === 'connected');
      expect(lawn.sim.backgroundMusic).toBeNull();

      // The session ends inside the window: the music comes back.
      await w.as(a.token).del(`/speaker-sessions/${res.body.sessionId}`).expect(200);
      await until('music back', () => lawn.sim.backgroundMusic?.playlist === 'soft-morning');
      expect((await w.state(lawn.id)).mode).toBe('background');

      // Quiet hours begin: the music is brought under their cap, and the speaker never plays louder.
      await w.as(w.manager).patch(`/speaker-zones/${zone.id}`, { rules: { quietHours: { from: clockIn(-30), to: clockIn(60), volumeCap: 15 } } }).expect(200);
      await until('music at the quiet cap', () => lawn.sim.backgroundMusic?.level === 15 && lawn.sim.cap() === 15);
      expect(lawn.sim.setVolume(80)).toBe(15);
      expect((await w.state(lawn.id)).music).toEqual({ playlist: 'soft-morning', level: 15, cap: 15 });
      staff.close();
    });

    it('stops at the window end although the worker was down when it fell due', async () => {
      const toNextMinute = 60_000 - (Date.now() % 60_000);
      const minutes = toNextMinute < 10_000 ? 2 : 1;
      const windowEnd = Date.now() + toNextMinute + (minutes - 1) * 60_000;
      await w.as(w.manager).patch(`/speaker-zones/${lawnZoneId}`, { rules: daytimeRules({ backgroundMusic: [{ from: clockIn(-10), to: clockIn(minutes), volume: 30, playlist: 'soft-morning' }] }) }).expect(200);
      await until('music at the day level', () => lawn.sim.backgroundMusic?.level === 30);
      await w.stopWorker();
      await sleep(windowEnd - Date.now() + 2000);
      // Nobody ran the window-end timer yet: the music still plays.
      expect(lawn.sim.backgroundMusic).not.toBeNull();
      await w.startWorker();
      await until('music stopped after the restart', () => lawn.sim.backgroundMusic === null, 10_000);
      expect(await w.state(lawn.id)).toMatchObject({ mode: 'idle', music: null });
    });
  });

  describe('announcement.played reports', () => {
    it('marks the delivery played from the speaker’s own report, long before the expected duration', async () => {
      const before = await w.metric('sc_speaker_announcement_endings_total', '{source="device_report",result="played"}');
      // Expected 60 s; the speaker plays it in 1.5 s and says so.
      const res = await w.as(w.technician).post('/announcements', { text: 'Court lights go off at ten', target: { kind: 'speaker', id: reporting.id }, priority: 'normal', durationSeconds: 60 }).expect(201);
      const played = await until('played', async () => {
        const d = await delivery(res.body.id, reporting.id);
        return d?.status === 'played' && d;
      });
      expect(new Date(played.finishedAt).getTime() - new Date(played.sentAt).getTime()).toBeLessThan(10_000);
      expect(reporting.sim.played).toContain(res.body.id);
      expect(await w.metric('sc_speaker_announcement_endings_total', '{source="device_report",result="played"}')).toBe(before + 1);
      const [event] = (await w.db.query(`SELECT data, outcome FROM device_events WHERE "deviceId" = $1 AND type = 'announcement.played'`, [reporting.id])) as { data: any; outcome: any }[];
      expect(event).toMatchObject({ data: { announcementId: res.body.id, status: 'played' }, outcome: { announcement: 'played' } });
      await until('speaker idle again', async () => (await w.state(reporting.id)).mode === 'idle');
    });

    it('a speaker that never reports: played is inferred after the expected duration, and labelled so', async () => {
      // The fallback is a timer: the worker infers and counts it.
      const before = await w.metric('sc_speaker_announcement_endings_total', '{source="duration_fallback",result="played"}', 'worker');
      const res = await w.as(w.technician).post('/announcements', { text: 'Old firmware test', target: { kind: 'speaker', id: silent.id }, priority: 'normal', durationSeconds: 1 }).expect(201);
      await until('speaker played it', () => silent.sim.played.includes(res.body.id));
      const played = await until('inferred played', async () => {
        const d = await delivery(res.body.id, silent.id);
        return d?.status === 'played' && d;
      }, 20_000);
      // 1 s expected + the grace for a report that never comes.
      expect(new Date(played.finishedAt).getTime() - new Date(played.sentAt).getTime()).toBeGreaterThanOrEqual(5500);
      expect(await w.metric('sc_speaker_announcement_endings_total', '{source="duration_fallback",result="played"}', 'worker')).toBe(before + 1);
      expect(await w.db.query(`SELECT 1 FROM device_events WHERE "deviceId" = $1 AND type = 'announcement.played'`, [silent.id])).toHaveLength(0);
    });

    it('drops and counts garbage reports; a report about an unknown announcement changes nothing', async () => {
      const before = await w.metric('sc_device_messages_dropped_total', '{reason="invalid_data"}');
      const emitRaw = reporting.sim.emitEvent.bind(reporting.sim) as (type: string, data: unknown) => string;
      const garbage = [
        emitRaw('announcement.played', { status: 'played' }),
        emitRaw('announcement.played', { announcementId: 'a-1', status: 'finished' }),
        emitRaw('announcement.played', { announcementId: 42, status: 'played' }),
        emitRaw('announcement.played', { announcementId: 'a-1', status: 'played', commandId: 'not-a-uuid' }),
      ];
      const unknown = reporting.sim.emitEvent('announcement.played', { announcementId: randomUUID(), status: 'played' });
      const opaque = reporting.sim.emitEvent('announcement.played', { announcementId: 'not-one-of-ours', status: 'interrupted' });
      expect(await until('dropped and counted', async () => (await w.metric('sc_device_messages_dropped_total', '{reason="invalid_data"}')) - before >= 4 && true)).toBe(true);
      const stored = await until('valid ones stored', async () => {
        const rows = (await w.db.query(`SELECT "eventId", outcome FROM device_events WHERE "deviceId" = $1 AND "eventId" = ANY($2::uuid[])`, [reporting.id, [...garbage, unknown, opaque]])) as { eventId: string; outcome: any }[];
        return rows.length >= 2 && rows;
      });
      expect(stored.map((r) => r.eventId).sort()).toEqual([unknown, opaque].sort());
      expect(stored.find((r) => r.eventId === unknown)!.outcome).toEqual({ announcement: 'unchanged' });
      expect(stored.find((r) => r.eventId === opaque)!.outcome).toEqual({ announcement: 'unknown' });
      expect((await w.metric('sc_device_messages_dropped_total', '{reason="invalid_data"}')) - before).toBe(4);
      // The speaker keeps working.
      const sessionId = await w.connect(b, reporting);
      await w.as(b.token).del(`/speaker-sessions/${sessionId}`).expect(200);
    });
  });

  describe('inbox', () => {
    it('puts speaker notices in the resident’s inbox (pushed live with the same id), never the pairing code', async () => {
      const live = await w.live(a.token);
      const res = await w.as(a.token).post(`/speakers/${reporting.id}/sessions`).expect(201);
      await until('paired', () => reporting.sim.pairPhone(res.body.code, randomMac()));
      await until('connected', async () => (await w.state(reporting.id)).session?.phase === 'connected');
      await w.as(w.technician).del(`/speaker-sessions/${res.body.sessionId}`).send({ reason: 'court maintenance' }).expect(200);
      const pushed = await live.next('notification', (n) => n.kind === 'speaker.session_ended');
      const inbox = (await w.as(a.token).get('/me/notifications?unread=true').expect(200)).body;
      const ended = inbox.items.find((n: { id: string }) => n.id === pushed.id);
      expect(ended).toMatchObject({ kind: 'speaker.session_ended', ref: { type: 'speaker', id: reporting.id }, readAt: null });
      expect(ended.title).toContain('court maintenance');
      expect(JSON.parse(ended.body)).toMatchObject({ sessionId: res.body.sessionId, reason: 'ended_by_staff' });
      // Moment-to-moment notices stay live-only, and no code is ever stored.
      expect(inbox.items.some((n: { kind: string }) => n.kind === 'speaker.pairing' || n.kind === 'speaker.session_started')).toBe(false);
      expect(JSON.stringify(inbox)).not.toContain(res.body.code);
      // A fresh connection's snapshot carries the unread notice; another resident's inbox does not.
      const again = await w.live(a.token);
      expect(again.snapshot.notifications.some((n: { id: string }) => n.id === pushed.id)).toBe(true);
      expect((await w.as(b.token).get('/me/notifications').expect(200)).body.items.some((n: { id: string }) => n.id === pushed.id)).toBe(false);
      await w.as(b.token).post(`/me/notifications/${pushed.id}/read`).expect(404);
      await w.as(a.token).post(`/me/notifications/${pushed.id}/read`).expect(200);
    });

    it('a ban tells the resident in their inbox', async () => {
      const live = await w.live(b.token);
      const ban = await w.as(w.technician).post('/speaker-bans', { residentId: b.residentId, reason: 'music after hours', minutes: 30 }).expect(201);
      const pushed = await live.next('notification', (n) => n.kind === 'speaker.banned');
      expect(pushed).toMatchObject({ ref: { type: 'speaker_ban', id: ban.body.id } });
      const inbox = (await w.as(b.token).get('/me/notifications').expect(200)).body;
      expect(inbox.items).toContainEqual(expect.objectContaining({ id: pushed.id, kind: 'speaker.banned', title: expect.stringContaining('music after hours') }));
      await w.as(w.technician).post(`/speaker-bans/${ban.body.id}/lift`).expect(200);
    });
  });
});
