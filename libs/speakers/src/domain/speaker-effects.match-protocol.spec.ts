import {
  compileValidator,
  DeviceConfigSchema,
  SpeakerDisconnectDataSchema,
  SpeakerPairingOpenDataSchema,
  SpeakerVolumeDataSchema,
} from '@app/contracts';
import { at, MINUTE, SpeakerHarness, zoneWith } from './speaker-harness.fixture';
import { SpeakerEffect } from './speaker-effects';
import { speakerConfigFor } from './zone-rules';

// Device-command effects carry the PROTOCOL.md `data` as is; check them against libs/contracts.
function verdict(schema: Parameters<typeof compileValidator>[0], data: unknown): string {
  const validate = compileValidator(schema);
  return validate(structuredClone(data)) ? 'valid' : validate.lastError();
}

describe('speaker effects and config match the device protocol schemas', () => {
  it('every device command produced in a busy evening validates', () => {
    const h = new SpeakerHarness(zoneWith({ sessionsAllowedInQuietHours: true }), at('2025-06-02T21:40'));
    const all: SpeakerEffect[] = [];
    const collect = () => all.push(...(h.last?.effects ?? []));
    h.request('alice');
    collect();
    h.run({ type: 'btConnected', sessionId: 's1', code: '999999' });
    collect();
    h.run({ type: 'btConnected', sessionId: 's1', code: '123456' });
    collect();
    h.run({ type: 'setVolume', by: { kind: 'resident', residentId: 'alice' }, sessionId: 's1', level: 55 });
    collect();
    h.run({ type: 'quietHoursStarted' }, at('2025-06-02T22:00'));
    collect();
    h.run({ type: 'btDisconnected', sessionId: 's1', reason: 'out_of_range' }, at('2025-06-02T22:01'));
    collect();
    h.tick(at('2025-06-02T22:01') + 2 * MINUTE);
    collect();

    const checked = { sendPairingOpen: 0, sendDisconnect: 0, sendVolume: 0 };
    for (const effect of all) {
      if (effect.type === 'sendPairingOpen') {
        const { type: _type, ...data } = effect;
        expect(verdict(SpeakerPairingOpenDataSchema, data)).toBe('valid');
        checked.sendPairingOpen++;
      } else if (effect.type === 'sendDisconnect') {
        const { type: _type, ...data } = effect;
        expect(verdict(SpeakerDisconnectDataSchema, data)).toBe('valid');
        checked.sendDisconnect++;
      } else if (effect.type === 'sendVolume') {
        const { type: _type, ...data } = effect;
        expect(verdict(SpeakerVolumeDataSchema, data)).toBe('valid');
        checked.sendVolume++;
      }
    }
    expect(checked).toEqual({ sendPairingOpen: 3, sendDisconnect: 2, sendVolume: 3 });
  });

  it('the retained config validates against the device config schema', () => {
    expect(verdict(DeviceConfigSchema, speakerConfigFor(zoneWith(), 3))).toBe('valid');
    expect(verdict(DeviceConfigSchema, speakerConfigFor(zoneWith({ timeZone: 'Europe/Berlin', volumeLock: 10 }), 4))).toBe('valid');
    expect(verdict(DeviceConfigSchema, { ...speakerConfigFor(zoneWith(), 3), volumeCap: 101 })).not.toBe('valid');
  });
});
