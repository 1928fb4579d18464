// Session expiry with its warning, across a worker restart: the timers are BullMQ delayed jobs in
// Redis, so a worker that was down when the warning fell due runs it as soon as it is back, and the
// session still ends on time. Takes about a minute (the shortest session is one minute).
import { daytimeRules, Person, PlacedSpeaker, sleep, SpeakersWorld, until } from './speakers-world';

jest.setTimeout(120_000);

describe('speaker session timers across a worker restart', () => {
  let w: SpeakersWorld;
  let a: Person;
  let speaker: PlacedSpeaker;

  beforeAll(async () => {
    w = await SpeakersWorld.start('spkrestart');
    a = await w.resident();
    const zone = await w.zone('Rose garden', daytimeRules({ maxSessionMinutes: 1, dailySessionCap: 1 }), { warningSeconds: 20 });
    speaker = await w.speaker('Rose garden speaker');
    await w.place(speaker, zone.id);
  });

  afterAll(async () => {
    await w?.close();
  });

  it('warns before the end and ends on time although the worker was down when the warning fell due', async () => {
    const live = await w.live(a.token);
    const sessionId = await w.connect(a, speaker);
    const { endsAt, warnAt } = (await w.state(speaker.id)).session as { endsAt: number; warnAt: number };
    expect(endsAt - warnAt).toBe(20_000);

    await w.stopWorker();
    await sleep(Math.max(0, warnAt - Date.now() + 2000));
    // Nobody has run the timer: the state still says "not warned".
    expect((await w.state(speaker.id)).session).toMatchObject({ sessionId, warned: false });

    await w.startWorker();
    const warning = await live.next('notification', (n) => n.kind === 'speaker.session_ending_soon', 15_000);
    expect(JSON.parse(warning.body)).toMatchObject({ sessionId, endsAt });
    expect((await w.state(speaker.id)).session).toMatchObject({ sessionId, warned: true });

    await until('session over', async () => (await w.record(sessionId))?.status === 'ended', endsAt - Date.now() + 10_000, 250);
    const record = await w.record(sessionId);
    expect(record).toMatchObject({ endReason: 'time_up', countsTowardDailyCap: true });
    expect(new Date(record.endedAt).getTime()).toBeGreaterThanOrEqual(endsAt);
    expect(new Date(record.endedAt).getTime()).toBeLessThan(endsAt + 5000);
    expect(record.usedMs).toBeGreaterThanOrEqual(59_000);
    await until('phone disconnected by the speaker', () => speaker.sim.sessionId === null);
    await live.next('notification', (n) => n.kind === 'speaker.session_ended' && JSON.parse(n.body).reason === 'time_up');

    // The daily cap (1) is used up.
    const again = await w.as(a.token).post(`/speakers/${speaker.id}/sessions`).expect(409);
    expect(again.body.code).toBe('SPEAKER_DAILY_CAP_REACHED');
  });
});
