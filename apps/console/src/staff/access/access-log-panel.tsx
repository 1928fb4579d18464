// The access log with filters, pages and a CSV export of the same filters.
import { Button, Card, Group, NativeSelect, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, call, download } from '../../api/api-client';
import type { AccessEvent, Device, Page } from '../../api/views';
import { dateTime, label } from '../../ui/format';
import { ErrorText, LoadState } from '../../ui/load-state';
import { useLoad } from '../../ui/use-load';

type Result = 'granted' | 'denied';
type Method = 'face' | 'qr' | 'face_local' | 'remote';

export function AccessLogPanel({ siteId, gates, gateName }: { siteId: string; gates: Device[]; gateName(id: string): string }) {
  const [result, setResult] = useState('');
  const [method, setMethod] = useState('');
  const [gateId, setGateId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const filters = {
    siteId,
    result: (result || undefined) as Result | undefined,
    method: (method || undefined) as Method | undefined,
    gateId: gateId || undefined,
    from: from ? new Date(from).toISOString() : undefined,
    to: to ? new Date(to).toISOString() : undefined,
  };
  const log = useLoad(() => call<Page<AccessEvent>>(() => api.GET('/api/v1/access/events', { params: { query: { ...filters, limit: 100 } } })), [siteId, result, method, gateId, from, to]);
  const csv = () => {
    const qs = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
    download(`/api/v1/access/events.csv?${qs}`, 'access-log.csv').catch((e: Error) => setError(e.message));
  };
  return (
    <Card withBorder>
      <Group align="end" gap="xs" mb="sm" wrap="wrap">
        <NativeSelect label="Result" value={result} onChange={(e) => setResult(e.currentTarget.value)} data={[{ value: '', label: 'All' }, 'granted', 'denied']} />
        <NativeSelect label="Method" value={method} onChange={(e) => setMethod(e.currentTarget.value)} data={[{ value: '', label: 'All' }, 'face', 'qr', 'face_local', 'remote']} />
        <NativeSelect label="Gate" value={gateId} onChange={(e) => setGateId(e.currentTarget.value)} data={[{ value: '', label: 'All' }, ...gates.map((g) => ({ value: g.id, label: g.name }))]} />
        <TextInput type="datetime-local" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="datetime-local" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Button variant="light" onClick={csv}>
          Export CSV
        </Button>
      </Group>
      <ErrorText error={error} />
      <LoadState state={log}>
        {(page) => (
          <Table.ScrollContainer minWidth={800}>
            <Table fz="sm" striped aria-label="Access log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Gate</Table.Th>
                  <Table.Th>Method</Table.Th>
                  <Table.Th>Result</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>Who</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{dateTime(e.at)}</Table.Td>
                    <Table.Td>{gateName(e.deviceId)}</Table.Td>
                    <Table.Td>{label(e.method ?? e.type)}</Table.Td>
                    <Table.Td>{e.result ?? '—'}</Table.Td>
                    <Table.Td>{label(e.reason)}</Table.Td>
                    <Table.Td>{e.personName ?? e.visitorName ?? e.personKind ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </LoadState>
    </Card>
  );
}
