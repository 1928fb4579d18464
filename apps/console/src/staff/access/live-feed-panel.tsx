// Entries and denials at the site's gates as they happen.
import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/api-client';
import type { AccessEvent, Page } from '../../api/views';
import { useRealtimeEvent } from '../../realtime/realtime-context';
import { label, time } from '../../ui/format';
import { ErrorText } from '../../ui/load-state';
import { mergeFeed, rowFromLive, rowFromLog, type FeedRow } from './access-feed';

export function LiveFeedPanel({ siteId, gateName }: { siteId: string; gateName(id: string): string }) {
  const [rows, setRows] = useState<FeedRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows([]);
    call<Page<AccessEvent>>(() => api.GET('/api/v1/access/events', { params: { query: { siteId, limit: 25 } } }))
      .then((page) => setRows((live) => mergeFeed(live, page.items.filter((e) => e.result !== null).map(rowFromLog))))
      .catch((e: Error) => setError(e.message));
  }, [siteId]);
  useRealtimeEvent('access.event', (p) => p.siteId === siteId && setRows((held) => mergeFeed(held, [rowFromLive(p)])));

  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        Live feed
      </Title>
      <ErrorText error={error} />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Waiting for entries…
        </Text>
      ) : (
        <Table fz="sm" aria-label="Live access feed">
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-decision={r.granted ? 'granted' : 'denied'}>
                <Table.Td c="dimmed">{time(r.at)}</Table.Td>
                <Table.Td>
                  <Badge color={r.granted ? 'green' : 'red'} variant="light">
                    {r.granted ? 'entry' : 'denied'}
                  </Badge>
                </Table.Td>
                <Table.Td>{gateName(r.deviceId)}</Table.Td>
                <Table.Td>{label(r.method)}</Table.Td>
                <Table.Td>{r.who}</Table.Td>
                <Table.Td c="red">{r.granted ? '' : label(r.reason)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
