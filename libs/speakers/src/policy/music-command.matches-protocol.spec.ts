import { buildCommand } from '@app/contracts';
import { at, SpeakerHarness, zoneWith } from '../domain/speaker-harness.fixture';
import { musicCommandData } from './music-command';

describe('speaker.music commands built from the reducer’s music effects', () => {
  it('play (with and without a playlist) and stop all pass the contract', () => {
    const h = new SpeakerHarness(zoneWith({ backgroundMusic: [{ from: '07:00', to: '09:00', volume: 30, playlist: 'soft-morning' }, { from: '21:00', to: '23:00', volume: 40 }] }), at('2025-06-02T07:00'));
    const effects = [h.tick(at('2025-06-02T07:00')), h.tick(at('2025-06-02T09:00')), h.tick(at('2025-06-02T21:30')), h.tick(at('2025-06-02T22:00'))].flatMap((t) => t.effects);
    const music = effects.filter((e) => e.type === 'sendMusic');
    const data = music.map((e) => musicCommandData(e));
    expect(data).toEqual([
      { action: 'play', playlist: 'soft-morning', level: 30, cap: 60 },
      { action: 'stop' },
      { action: 'play', level: 40, cap: 60 },
      { action: 'play', level: 25, cap: 25 },
    ]);
    // buildCommand validates against the schema and throws on anything the devices would drop.
    for (const d of data) expect(() => buildCommand('speaker.music', d, { now: 0 })).not.toThrow();
  });
});
