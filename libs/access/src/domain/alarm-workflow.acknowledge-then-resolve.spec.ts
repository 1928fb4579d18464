import { nextAlarmStatus } from './alarm-workflow';

describe('alarm workflow', () => {
  it('acknowledges an open alarm, then resolves it', () => {
    expect(nextAlarmStatus('open', 'acknowledge')).toEqual({ ok: true, status: 'acknowledged' });
    expect(nextAlarmStatus('acknowledged', 'resolve')).toEqual({ ok: true, status: 'resolved' });
  });

  it('resolves an open alarm directly', () => {
    expect(nextAlarmStatus('open', 'resolve')).toEqual({ ok: true, status: 'resolved' });
  });

  it('refuses a second acknowledgement and any change to a resolved alarm', () => {
    expect(nextAlarmStatus('acknowledged', 'acknowledge')).toEqual({ ok: false, code: 'ALARM_ALREADY_ACKNOWLEDGED' });
    expect(nextAlarmStatus('resolved', 'acknowledge')).toEqual({ ok: false, code: 'ALARM_RESOLVED' });
    expect(nextAlarmStatus('resolved', 'resolve')).toEqual({ ok: false, code: 'ALARM_RESOLVED' });
  });
});
