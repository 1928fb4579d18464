import { Badge } from '@mantine/core';
import { useRealtimeStatus } from '../realtime/realtime-context';

/** Whether this page receives live updates right now. */
export function LiveBadge() {
  const status = useRealtimeStatus();
  const color = status === 'live' ? 'green' : status === 'connecting' ? 'yellow' : 'red';
  return (
    <Badge color={color} variant="dot" data-testid="live-status" aria-live="polite">
      {status}
    </Badge>
  );
}
