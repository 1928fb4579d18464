import { buildCommand, isCommandExpired } from './build-command';
import { DEFAULT_COMMAND_TTL_MS, DEVICE_COMMANDS } from './command-schemas';
import { ContractError } from './contract-error';

const NOW = Date.parse('2025-06-01T10:00:00.000Z');

describe('buildCommand and isCommandExpired', () => {
  it('stamps id, ts and expiresAt from the type default TTL', () => {
    const cmd = buildCommand('gate.open', { durationMs: 5000 }, { now: NOW });
    expect(cmd.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cmd.ts).toBe('2025-06-01T10:00:00.000Z');
    expect(Date.parse(cmd.expiresAt) - NOW).toBe(DEFAULT_COMMAND_TTL_MS['gate.open']);
    expect(cmd).not.toHaveProperty('requestId');
  });

  it('keeps gate.open short-lived: a few seconds by default, never more than 10 s', () => {
    expect(DEFAULT_COMMAND_TTL_MS['gate.open']).toBeLessThanOrEqual(5000);
    expect(DEVICE_COMMANDS['gate.open'].durable).toBe(false);
    expect(() => buildCommand('gate.open', { durationMs: 5000 }, { now: NOW, ttlMs: 60_000 })).toThrow(ContractError);
    expect(DEVICE_COMMANDS['facelib.sync'].durable).toBe(true);
  });

  it('carries the answered event id and accepts a Date and a custom TTL', () => {
    const requestId = '0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11';
    const cmd = buildCommand('gate.deny', { reason: 'pass_used_up' }, { now: new Date(NOW), ttlMs: 2000, requestId });
    expect(cmd.requestId).toBe(requestId);
    expect(cmd.expiresAt).toBe('2025-06-01T10:00:02.000Z');
  });

  it('throws ContractError on data the types cannot catch, and on a non-positive TTL', () => {
    expect(() => buildCommand('speaker.volume', { level: 140, cap: 60 }, { now: NOW })).toThrow(/data\.level: must be <= 100/);
    expect(() => buildCommand('speaker.announce', { announcementId: 'a', priority: 'normal' }, { now: NOW })).toThrow(/text or audioUrl/);
    expect(() => buildCommand('speaker.stop', {}, { now: NOW, ttlMs: 0 })).toThrow(/ttlMs/);
  });

  it('does not mutate the caller data', () => {
    const data = { level: 10, cap: 20, extra: true } as unknown as { level: number; cap: number };
    const cmd = buildCommand('speaker.volume', data, { now: NOW });
    expect(cmd.data).toEqual({ level: 10, cap: 20 });
    expect(data).toHaveProperty('extra', true);
  });

  it('is expired at and after expiresAt, not before', () => {
    const cmd = buildCommand('gate.open', { durationMs: 5000 }, { now: NOW, ttlMs: 3000 });
    expect(isCommandExpired(cmd, NOW)).toBe(false);
    expect(isCommandExpired(cmd, NOW + 2999)).toBe(false);
    expect(isCommandExpired(cmd, NOW + 3000)).toBe(true);
    expect(isCommandExpired(cmd, new Date(NOW + 10_000))).toBe(true);
  });

  it('uses the device clock: a clock 5 s fast sees a fresh 3 s command as expired', () => {
    const cmd = buildCommand('gate.open', { durationMs: 5000 }, { now: NOW, ttlMs: 3000 });
    const skewMs = 5000;
    expect(isCommandExpired(cmd, NOW + 100 + skewMs)).toBe(true);
    expect(isCommandExpired(cmd, NOW + 100 - skewMs)).toBe(false);
  });

  it('treats an unreadable expiresAt as expired', () => {
    expect(isCommandExpired({ expiresAt: 'never' }, NOW)).toBe(true);
  });
});
