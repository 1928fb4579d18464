// Open and acknowledged alarms of the site, live from access.alarm; acknowledge and resolve.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { api, call } from '../../api/api-client';
import type { Alarm, Page } from '../../api/views';
import { useRealtimeEvent } from '../../realtime/realtime-context';
import { dateTime, label } from '../../ui/format';
import { ErrorText, LoadState } from '../../ui/load-state';
import { useAction } from '../../ui/use-action';
import { useDebounced, useLoad } from '../../ui/use-load';

export function AlarmsPanel({ siteId, gateName }: { siteId: string; gateName(id: string): string }) {
  const alarms = useLoad(async () => {
    const [open, acked] = await Promise.all(
      (['open', 'acknowledged'] as const).map((status) => call<Page<Alarm>>(() => api.GET('/api/v1/access/alarms', { params: { query: { siteId, status, limit: 50 } } }))),
    );
    return [...open.items, ...acked.items];
  }, [siteId]);
  const reload = useDebounced(alarms.reload, 200);
  useRealtimeEvent('access.alarm', (a) => a.siteId === siteId && reload());
  const { run, error } = useAction();
  const act = (alarm: Alarm, action: 'acknowledge' | 'resolve') =>
    run(async () => {
      const path = action === 'acknowledge' ? '/api/v1/access/alarms/{id}/acknowledge' : '/api/v1/access/alarms/{id}/resolve';
      await call(() => api.POST(path, { params: { path: { id: alarm.id } }, body: {} }));
      alarms.reload();
    });

  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        Alarms
      </Title>
      <ErrorText error={error} />
      <LoadState state={alarms}>
        {(rows) =>
          rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              No open alarms.
            </Text>
          ) : (
            <Stack gap="xs" aria-label="Open alarms">
              {rows.map((a) => (
                <Group key={a.id} justify="space-between" data-alarm={a.kind} data-alarm-status={a.status} wrap="nowrap">
                  <div>
                    <Group gap={6}>
                      <Badge color={a.status === 'open' ? 'red' : 'yellow'}>{label(a.kind)}</Badge>
                      <Text size="sm">{gateName(a.deviceId)}</Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {dateTime(a.raisedAt)} {a.detail ?? ''} {a.status === 'acknowledged' ? '· acknowledged' : ''}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    {a.status === 'open' && (
                      <Button size="compact-xs" onClick={() => void act(a, 'acknowledge')}>
                        Acknowledge
                      </Button>
                    )}
                    <Button size="compact-xs" variant="light" onClick={() => void act(a, 'resolve')}>
                      Resolve
                    </Button>
                  </Group>
                </Group>
              ))}
            </Stack>
          )
        }
      </LoadState>
    </Card>
  );
}
