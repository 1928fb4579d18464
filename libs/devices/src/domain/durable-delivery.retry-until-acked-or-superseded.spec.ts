import { DurableFacts, decideDurableStep } from './durable-delivery';

const now = new Date('2026-01-01T10:00:00.000Z');
const facts = (over: Partial<DurableFacts> = {}): DurableFacts => ({
  status: 'sent',
  expiresAt: new Date(now.getTime() + 3_600_000),
  now,
  newerExists: false,
  deviceActive: true,
  deviceOnline: true,
  brokerConnected: true,
  payloadAvailable: true,
  ...over,
});

describe('durable delivery: retried until acked or superseded', () => {
  it('publishes again while unanswered', () => {
    expect(decideDurableStep(facts())).toEqual({ action: 'republish' });
    expect(decideDurableStep(facts({ status: 'queued' }))).toEqual({ action: 'republish' });
  });

  it('stops once the command is settled (acked, failed, superseded, timeout…)', () => {
    for (const status of ['acked', 'failed', 'expired', 'timeout', 'superseded'] as const) expect(decideDurableStep(facts({ status }))).toEqual({ action: 'done' });
  });

  it('a newer command of the same key supersedes it', () => {
    expect(decideDurableStep(facts({ newerExists: true }))).toEqual({ action: 'superseded' });
  });

  it('gives up at expiresAt', () => {
    expect(decideDurableStep(facts({ expiresAt: now }))).toEqual({ action: 'timeout' });
  });

  it('waits without publishing while the device is offline or the broker unreachable', () => {
    expect(decideDurableStep(facts({ deviceOnline: false }))).toEqual({ action: 'wait' });
    expect(decideDurableStep(facts({ brokerConnected: false }))).toEqual({ action: 'wait' });
  });

  it('fails when the device was decommissioned or the payload is gone', () => {
    expect(decideDurableStep(facts({ deviceActive: false }))).toEqual({ action: 'undeliverable', code: 'DEVICE_GONE' });
    expect(decideDurableStep(facts({ payloadAvailable: false }))).toEqual({ action: 'undeliverable', code: 'PAYLOAD_LOST' });
  });

  it('a config delivery is acked by the version the device reports in telemetry', () => {
    expect(decideDurableStep(facts({ configVersion: 3, reportedConfigVersion: 2 }))).toEqual({ action: 'republish' });
    expect(decideDurableStep(facts({ configVersion: 3, reportedConfigVersion: 3 }))).toEqual({ action: 'acked' });
    expect(decideDurableStep(facts({ configVersion: 3, reportedConfigVersion: 4, newerExists: true }))).toEqual({ action: 'acked' });
  });
});
