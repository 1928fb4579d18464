import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TicketSummary } from '../../api/views';
import { slaCountdown } from './sla-countdown';

const COLORS = { green: 'green', amber: 'yellow', red: 'red', gray: 'gray' } as const;

/** Re-renders on a shared clock so every countdown in the queue moves together. */
export function useNow(stepMs = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), stepMs);
    return () => clearInterval(t);
  }, [stepMs]);
  return now;
}

export function SlaBadge({ sla, now }: { sla: TicketSummary['sla']; now: number }) {
  const { tone, text } = slaCountdown(sla, now);
  return (
    <Badge color={COLORS[tone]} variant={tone === 'gray' ? 'outline' : 'filled'} data-sla={tone}>
      {text}
    </Badge>
  );
}
