// Access for staff: gates, live feed and alarms side by side; the log on its own tab.
import { Grid, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../../api/api-client';
import type { Device, Page } from '../../api/views';
import { useLoad } from '../../ui/use-load';
import { AccessLogPanel } from './access-log-panel';
import { AlarmsPanel } from './alarms-panel';
import { GatesPanel } from './gates-panel';
import { LiveFeedPanel } from './live-feed-panel';

export function AccessPage({ siteId }: { siteId: string }) {
  const [tab, setTab] = useState('live');
  const gates = useLoad(() => call<Page<Device>>(() => api.GET('/api/v1/devices', { params: { query: { siteId, kind: 'gate', limit: 200 } } })), [siteId]);
  const names = new Map((gates.data?.items ?? []).map((g) => [g.id, g.name]));
  const gateName = (id: string) => names.get(id) ?? id;
  return (
    <Stack gap="sm">
      <Title order={3}>Access</Title>
      <Tabs value={tab} onChange={(v) => v && setTab(v)}>
        <Tabs.List>
          <Tabs.Tab value="live">Live</Tabs.Tab>
          <Tabs.Tab value="log">Access log</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="live" pt="sm">
          <Grid>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <LiveFeedPanel siteId={siteId} gateName={gateName} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="sm">
                <AlarmsPanel siteId={siteId} gateName={gateName} />
                <GatesPanel siteId={siteId} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="sm">
          {tab === 'log' && <AccessLogPanel siteId={siteId} gates={gates.data?.items ?? []} gateName={gateName} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
