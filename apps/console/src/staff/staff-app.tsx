// The staff console: header with navigation, site switcher and live status; one screen per area.
import { AppShell, Button, Center, Group, Loader, NativeSelect, Text, Title } from '@mantine/core';
import { useAuth } from '../auth/auth-context';
import { Link, usePath } from '../ui/router';
import { LiveBadge } from '../ui/live-badge';
import { AccessPage } from './access/access.page';
import { MetricsPage } from './metrics/metrics.page';
import { SiteProvider, useSite } from './site-context';
import { SpeakersPage } from './speakers/speakers.page';
import { TicketPage } from './tickets/ticket.page';
import { TicketQueuePage } from './tickets/ticket-queue.page';

const AREAS = [
  { to: '/tickets', label: 'Tickets' },
  { to: '/access', label: 'Access' },
  { to: '/speakers', label: 'Speakers' },
  { to: '/metrics', label: 'Metrics' },
];

export function StaffApp() {
  return (
    <SiteProvider>
      <StaffShell />
    </SiteProvider>
  );
}

function StaffShell() {
  const { user, signOut } = useAuth();
  const { sites, siteId, setSiteId } = useSite();
  const path = usePath();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Title order={4}>Console</Title>
            <Group component="nav" aria-label="Areas" gap="md" wrap="nowrap">
              {AREAS.map((a) => (
                <Link key={a.to} to={a.to} fw={path.startsWith(a.to) ? 700 : 400} underline={path.startsWith(a.to) ? 'always' : 'hover'}>
                  {a.label}
                </Link>
              ))}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {sites.length > 1 ? (
              <NativeSelect aria-label="Site" size="xs" value={siteId ?? ''} onChange={(e) => setSiteId(e.currentTarget.value)} data={sites.map((s) => ({ value: s.id, label: s.name }))} />
            ) : (
              <Text size="sm">{sites[0]?.name}</Text>
            )}
            <LiveBadge />
            <Text size="sm" c="dimmed" visibleFrom="md">
              {user?.email ?? user?.phone} ({user?.role})
            </Text>
            <Button size="xs" variant="subtle" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{siteId ? <StaffScreen path={path} siteId={siteId} /> : <Center p="xl"><Loader aria-label="Loading sites" /></Center>}</AppShell.Main>
    </AppShell>
  );
}

function StaffScreen({ path, siteId }: { path: string; siteId: string }) {
  const ticket = /^\/tickets\/([0-9a-f-]{36})/.exec(path);
  if (ticket) return <TicketPage ticketId={ticket[1]} />;
  if (path.startsWith('/access')) return <AccessPage siteId={siteId} />;
  if (path.startsWith('/speakers')) return <SpeakersPage siteId={siteId} />;
  if (path.startsWith('/metrics')) return <MetricsPage siteId={siteId} />;
  return <TicketQueuePage siteId={siteId} />;
}
