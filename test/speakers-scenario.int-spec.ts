// End to end with the simulator: the leisure-evening scenario against a real api and worker. Residents
// queue across a compressed evening into quiet hours; afterwards no session runs, the queue is held
// and new requests are refused. About two minutes (quiet hours start on a whole minute).
import { TEST_PASSWORD } from '@app/testing';
import { runLeisureEvening } from '@app/devices-sim/scenarios/leisure-evening';
import { SpeakersWorld } from './speakers-world';

jest.setTimeout(240_000);

describe('leisure-evening scenario', () => {
  let w: SpeakersWorld;

  beforeAll(async () => {
    w = await SpeakersWorld.start('spkevening');
  });

  afterAll(async () => {
    await w?.close();
  });

  it('runs residents through an evening into quiet hours and reports what happened', async () => {
    const admin = await w.f.staff([w.site], 'admin');
    const residents = [];
    for (let i = 0; i < 5; i++) residents.push({ login: (await w.f.resident(w.unit)).login, password: TEST_PASSWORD });
    const lines: string[] = [];
    const report = await runLeisureEvening({
      apiUrl: w.api.url,
      mqttUrl: w.api.config.mqtt.url,
      topicRoot: w.env.topicRoot,
      login: admin.login,
      password: TEST_PASSWORD,
      siteId: w.site.id,
      residents,
      lateResident: { login: (await w.f.resident(w.unit)).login, password: TEST_PASSWORD },
      speakers: 2,
      eveningMs: 45_000,
      afterQuietMs: 10_000,
      seed: 7,
      // SPEAKERS_SCENARIO_LOG=1 shows the timeline while it runs.
      print: (line) => {
        lines.push(line);
        if (process.env.SPEAKERS_SCENARIO_LOG) process.stdout.write(`${line}\n`);
      },
    });
    expect(report.requests.pairing).toBeGreaterThan(0);
    expect(report.announcement).toMatchObject({ total: 2 });
    expect(['delivered', 'partial']).toContain(report.announcement!.status);
    // The speakers never played louder than the zone cap.
    expect(report.loudestHeard).toBeLessThanOrEqual(60);
    expect(Math.max(...report.capsHeard)).toBeLessThanOrEqual(60);
    expect(lines.some((l) => l.includes('quiet hours begin'))).toBe(true);
    expect(lines.some((l) => l.startsWith('summary'))).toBe(true);

    // After quiet hours began: nothing plays, the queue is held, new requests are refused.
    for (const id of report.speakers) {
      const state = await w.state(id);
      expect(state).toMatchObject({ quiet: true, paused: true, session: null });
    }
    const open = (await w.db.query(`SELECT count(*)::int AS n FROM speaker_sessions WHERE "speakerId" = ANY($1) AND status IN ('pairing', 'connected', 'reconnecting', 'interrupted')`, [report.speakers])) as { n: number }[];
    expect(open[0].n).toBe(0);
    expect(report.lateRequest).toBe('SPEAKER_QUIET_HOURS');
  });
});
