// The alarm life cycle staff work through: open → acknowledged → resolved (resolving an open alarm
// directly is allowed: the door was simply closed). Resolved is final.

export type AlarmStatus = 'open' | 'acknowledged' | 'resolved';
export type AlarmAction = 'acknowledge' | 'resolve';

export type AlarmTransition = { ok: true; status: AlarmStatus } | { ok: false; code: 'ALARM_ALREADY_ACKNOWLEDGED' | 'ALARM_RESOLVED' };

export function nextAlarmStatus(current: AlarmStatus, action: AlarmAction): AlarmTransition {
  if (current === 'resolved') return { ok: false, code: 'ALARM_RESOLVED' };
  if (action === 'acknowledge') return current === 'open' ? { ok: true, status: 'acknowledged' } : { ok: false, code: 'ALARM_ALREADY_ACKNOWLEDGED' };
  return { ok: true, status: 'resolved' };
}
