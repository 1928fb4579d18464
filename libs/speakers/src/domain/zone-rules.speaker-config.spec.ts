import { createZoneRules, InvalidZoneRulesError, speakerConfigFor, ZONE_RULE_DEFAULTS } from './zone-rules';

describe('zone rules: defaults, validation and the retained speaker config', () => {
  it('fills the documented defaults', () => {
    const zone = createZoneRules({ zoneId: 'z1', timeZone: 'Asia/Shanghai' });
    expect(zone.quietHours).toEqual({ from: '22:00', to: '07:00', volumeCap: 25 });
    expect(zone.maxSessionMinutes).toBe(30);
    expect(zone.volumeCap).toBe(ZONE_RULE_DEFAULTS.volumeCap);
    expect(zone.sessionsAllowedInQuietHours).toBe(false);
    expect(zone.openingHours).toBeNull();
  });

  it('treats an explicit undefined as "use the default"', () => {
    const zone = createZoneRules({ zoneId: 'z1', timeZone: 'Asia/Shanghai', maxSessionMinutes: undefined, quietHours: { to: '06:30' } });
    expect(zone.maxSessionMinutes).toBe(30);
    expect(zone.quietHours).toEqual({ from: '22:00', to: '06:30', volumeCap: 25 });
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      createZoneRules({
        zoneId: 'z1',
        timeZone: 'Mars/Olympus',
        volumeCap: 120,
        quietHours: { from: '25:00', volumeCap: -1 },
        maxSessionMinutes: 0,
        openingHours: { from: '08:00', to: '8pm' },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidZoneRulesError);
    expect((caught as InvalidZoneRulesError).problems).toEqual([
      'timeZone "Mars/Olympus" is not an IANA time zone',
      'volumeCap must be an integer 0..100, got 120',
      'quietHours.volumeCap must be an integer 0..100, got -1',
      'quietHours.from must be HH:mm, got "25:00"',
      'maxSessionMinutes must be a positive integer, got 0',
      'openingHours.to must be HH:mm or 24:00, got "8pm"',
    ]);
  });

  it('produces the PROTOCOL.md config payload', () => {
    const zone = createZoneRules({ zoneId: 'z1', timeZone: 'Asia/Shanghai' });
    expect(speakerConfigFor(zone, 7)).toEqual({
      version: 7,
      volumeCap: 60,
      quietHours: { from: '22:00', to: '07:00', volumeCap: 25, tz: 'Asia/Shanghai' },
      maxSessionMinutes: 30,
    });
  });

  it('folds a staff lock into both caps so the speaker can enforce it', () => {
    const zone = createZoneRules({ zoneId: 'z1', timeZone: 'Asia/Shanghai', volumeLock: 20 });
    const config = speakerConfigFor(zone, 8);
    expect(config.volumeCap).toBe(20);
    expect(config.quietHours.volumeCap).toBe(20);
  });

  it('refuses a version that is not a positive integer', () => {
    const zone = createZoneRules({ zoneId: 'z1', timeZone: 'Asia/Shanghai' });
    expect(() => speakerConfigFor(zone, 0)).toThrow(RangeError);
    expect(() => speakerConfigFor(zone, 1.5)).toThrow(RangeError);
  });
});
