import { buildCommand, parseDeviceCommand } from '@app/contracts';
import { evaluateCommand } from './evaluate-command';

const ISSUED = Date.parse('2025-06-01T10:00:00.000Z');

function open(ttlMs = 3000) {
  return parseDeviceCommand(JSON.stringify(buildCommand('gate.open', { durationMs: 5000 }, { now: ISSUED, ttlMs })));
}

describe('evaluateCommand', () => {
  it('executes a fresh command', () => {
    expect(evaluateCommand(open(), ISSUED + 200)).toMatchObject({ action: 'execute' });
  });

  it('rejects with EXPIRED once expiresAt has passed, saying by how much', () => {
    const verdict = evaluateCommand(open(), ISSUED + 4200);
    expect(verdict).toMatchObject({ action: 'reject', code: 'EXPIRED', expired: true });
    expect(verdict.action === 'reject' && verdict.message).toBe('expired 1200 ms ago by the device clock');
  });

  it('judges by the device clock: 5 s fast expires a command delivered after 200 ms', () => {
    const skewMs = 5000;
    expect(evaluateCommand(open(), ISSUED + 200 + skewMs)).toMatchObject({ action: 'reject', code: 'EXPIRED' });
  });

  it('judges by the device clock: 5 s slow still executes a command delivered 4 s late', () => {
    const skewMs = -5000;
    expect(evaluateCommand(open(), ISSUED + 4000 + skewMs)).toMatchObject({ action: 'execute' });
  });

  it('rejects an unknown type with UNSUPPORTED and bad data with INVALID, by id', () => {
    const base = { id: '0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11', ts: '2025-06-01T10:00:00Z', expiresAt: '2025-06-01T10:00:03Z' };
    expect(evaluateCommand(parseDeviceCommand(JSON.stringify({ ...base, type: 'gate.fly', data: {} })), ISSUED)).toMatchObject({
      action: 'reject',
      code: 'UNSUPPORTED',
      commandId: base.id,
    });
    expect(evaluateCommand(parseDeviceCommand(JSON.stringify({ ...base, type: 'gate.open', data: { durationMs: 'x' } })), ISSUED)).toMatchObject({
      action: 'reject',
      code: 'INVALID',
    });
  });

  it('ignores what it cannot ack (no valid envelope)', () => {
    expect(evaluateCommand(parseDeviceCommand('not json'), ISSUED)).toMatchObject({ action: 'ignore' });
    expect(evaluateCommand(parseDeviceCommand('{"id":"0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11","type":"gate.open"}'), ISSUED)).toMatchObject({ action: 'ignore' });
  });
});
