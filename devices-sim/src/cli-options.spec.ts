import { parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('applies defaults and converts seconds to ms', () => {
    const o = parseCliOptions(['--credentials', 'c.json']);
    expect(o).toMatchObject({
      mqttUrl: 'mqtt://127.0.0.1:1883',
      root: 'sc/v1',
      gates: 6,
      speakers: 4,
      seed: '42',
      telemetryPeriodMs: 10_000,
      eventIntervalMs: 5000,
      dropForMs: 5000,
      duplicateProbability: 0,
      mqttVersion: 4,
    });
    expect(o.durationMs).toBeUndefined();
  });

  it('reads faults and counts', () => {
    const o = parseCliOptions(['--site', 's1', '--password', 'p', '--gates', '2', '--speakers', '0', '--dup', '0.1', '--skew-ms=-3000', '--drop-every-s', '30', '--duration-s', '60', '--quiet']);
    expect(o).toMatchObject({ gates: 2, speakers: 0, duplicateProbability: 0.1, clockSkewMs: -3000, dropEveryMs: 30_000, durationMs: 60_000, live: false });
  });

  it('takes the admin password from the environment', () => {
    expect(parseCliOptions(['--site', 's1'], { SIM_ADMIN_PASSWORD: 'envpw' }).password).toBe('envpw');
  });

  it.each([
    [['--site', 's', '--password', 'p', '--telemetry-s', '31'], /--telemetry-s/],
    [['--credentials', 'c', '--gates', '1.5'], /--gates must be an integer/],
    [['--credentials', 'c', '--dup', '2'], /--dup/],
    [['--credentials', 'c', '--root', 'a/+/b'], /topic root/],
    [['--password', 'p'], /--site is required/],
    [['--site', 's'], /--password/],
    [['--bogus'], /Unknown option/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliOptions(argv as string[])).toThrow(message);
  });
});
