// My notifications, newest first, with new ones arriving live.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { api, call } from '../api/api-client';
import type { Notification, Page } from '../api/views';
import { useRealtimeEvent } from '../realtime/realtime-context';
import { dateTime } from '../ui/format';
import { LoadState } from '../ui/load-state';
import { useDebounced, useLoad } from '../ui/use-load';

export function MyNotifications() {
  const list = useLoad(() => call<Page<Notification> & { unread: number }>(() => api.GET('/api/v1/me/notifications', { params: { query: { limit: 30 } } })), []);
  const reload = useDebounced(list.reload);
  useRealtimeEvent('notification', reload);
  const readAll = () => void call(() => api.POST('/api/v1/me/notifications/read-all')).then(list.reload);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4}>Notifications {list.data?.unread ? <Badge>{list.data.unread} new</Badge> : null}</Title>
        <Button size="xs" variant="subtle" onClick={readAll} disabled={!list.data?.unread}>
          Mark all read
        </Button>
      </Group>
      <LoadState state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">Nothing yet.</Text>
          ) : (
            <Stack gap="xs">
              {page.items.map((n) => (
                <Card key={n.id} withBorder padding="xs" opacity={n.readAt ? 0.7 : 1}>
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {n.title}
                  </Text>
                  {n.body && <Text size="xs">{n.body}</Text>}
                  <Text size="xs" c="dimmed">
                    {dateTime(n.createdAt)}
                  </Text>
                </Card>
              ))}
            </Stack>
          )
        }
      </LoadState>
    </Stack>
  );
}
