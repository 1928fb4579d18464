// The resident companion, phone first: one column, a tab bar for the five things residents do.
import { Button, Container, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { api, call } from '../api/api-client';
import type { MyHousehold } from '../api/views';
import { useAuth } from '../auth/auth-context';
import { LiveBadge } from '../ui/live-badge';
import { LoadState } from '../ui/load-state';
import { navigate, usePath } from '../ui/router';
import { useLoad } from '../ui/use-load';
import { FaceConsent } from './face-consent';
import { MyNotifications } from './my-notifications';
import { MyQrCard } from './my-qr';
import { NearbySpeakers } from './nearby-speakers';
import { ResidentTickets } from './resident-tickets';
import { VisitorPasses } from './visitor-passes';

const TABS = [
  { value: 'tickets', label: 'Tickets' },
  { value: 'passes', label: 'Visitors' },
  { value: 'entry', label: 'My entry' },
  { value: 'speakers', label: 'Speakers' },
  { value: 'inbox', label: 'Inbox' },
];

export function ResidentApp() {
  const { user, signOut } = useAuth();
  const household = useLoad(() => call<MyHousehold>(() => api.GET('/api/v1/me/household')), []);
  const path = usePath();
  const tab = TABS.find((t) => path === `/${t.value}`)?.value ?? 'tickets';
  const home = household.data?.units[0];
  return (
    <Container size="sm" px="xs" py="sm">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <div>
          <Title order={3}>Home</Title>
          <Text size="xs" c="dimmed">
            {home ? `${home.buildingName} · ${home.number}` : user?.phone}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <LiveBadge />
          <Button size="xs" variant="subtle" onClick={() => void signOut()}>
            Sign out
          </Button>
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => v && navigate(`/${v}`)} keepMounted={false}>
        <Tabs.List grow style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} px="xs">
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <LoadState state={household}>
          {(h) => (
            <Stack pt="sm">
              {tab === 'tickets' && <ResidentTickets household={h} />}
              {tab === 'passes' && <VisitorPasses />}
              {tab === 'entry' && (
                <>
                  <MyQrCard />
                  <FaceConsent residentId={h.residentId} />
                </>
              )}
              {tab === 'speakers' && <NearbySpeakers />}
              {tab === 'inbox' && <MyNotifications />}
            </Stack>
          )}
        </LoadState>
      </Tabs>
    </Container>
  );
}
