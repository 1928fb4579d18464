import { ConfigTracker } from './config-tracker';

describe('ConfigTracker', () => {
  it('reports version 0 until a config arrives, then applies the first one (even version 0)', () => {
    const tracker = new ConfigTracker();
    expect(tracker.version).toBe(0);
    expect(tracker.config).toBeNull();
    expect(tracker.offer({ version: 0 })).toBe('applied');
    expect(tracker.config).toEqual({ version: 0 });
  });

  it('applies newer versions and ignores equal (retained re-delivery) and older ones', () => {
    const tracker = new ConfigTracker();
    expect(tracker.offer({ version: 5, volumeCap: 60 })).toBe('applied');
    expect(tracker.offer({ version: 5, volumeCap: 10 })).toBe('stale');
    expect(tracker.offer({ version: 3, volumeCap: 10 })).toBe('stale');
    expect(tracker.config).toEqual({ version: 5, volumeCap: 60 });
    expect(tracker.offer({ version: 6, volumeCap: 40 })).toBe('applied');
    expect(tracker.version).toBe(6);
  });
});
