// Ticket metrics for the site: SLA compliance, backlog and time to resolve, per building and per
// category, over a chosen window.
import { Card, Group, NativeSelect, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../../api/api-client';
import type { Metrics } from '../../api/views';
import { BarChart } from '../../ui/bar-chart';
import { label } from '../../ui/format';
import { LoadState } from '../../ui/load-state';
import { useLoad } from '../../ui/use-load';

const WINDOWS = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];

export function MetricsPage({ siteId }: { siteId: string }) {
  const [days, setDays] = useState('30');
  const load = (groupBy: 'building' | 'category') =>
    call<Metrics>(() => api.GET('/api/v1/tickets/metrics', { params: { query: { siteId, groupBy, from: new Date(Date.now() - Number(days) * 86_400_000).toISOString(), to: new Date().toISOString() } } }));
  const byBuilding = useLoad(() => load('building'), [siteId, days]);
  const byCategory = useLoad(() => load('category'), [siteId, days]);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>Metrics</Title>
        <NativeSelect aria-label="Window" value={days} onChange={(e) => setDays(e.currentTarget.value)} data={WINDOWS} />
      </Group>
      {(
        [
          ['building', byBuilding],
          ['category', byCategory],
        ] as const
      ).map(([group, state]) => (
        <Card withBorder key={group}>
          <Title order={5} mb="sm">
            Per {group}
          </Title>
          <LoadState state={state}>
            {(m) => {
              const name = (r: Metrics['rows'][number]) => (group === 'category' ? label(r.key) : (r.label ?? r.key ?? 'common areas'));
              return (
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  <BarChart title="SLA compliance" unit="%" max={100} bars={m.rows.map((r) => ({ label: name(r), value: r.slaCompliancePct }))} />
                  <BarChart title="Backlog (open tickets)" bars={m.rows.map((r) => ({ label: name(r), value: r.backlog }))} />
                  <BarChart title="Mean time to resolve" unit=" h" bars={m.rows.map((r) => ({ label: name(r), value: r.meanResolutionMinutes === null ? null : Math.round(r.meanResolutionMinutes / 6) / 10 }))} />
                </SimpleGrid>
              );
            }}
          </LoadState>
        </Card>
      ))}
    </Stack>
  );
}
