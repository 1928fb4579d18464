// Gate status (online/offline, mode) kept live from device.status, with lockdown/release of the
// whole site (confirmed first) and a remote open that asks for a reason.
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../../api/api-client';
import type { Device, GateSettings, Page, RemoteOpen, SiteMode } from '../../api/views';
import { useAuth } from '../../auth/auth-context';
import { useRealtimeEvent } from '../../realtime/realtime-context';
import { dateTime, label } from '../../ui/format';
import { ErrorText, LoadState } from '../../ui/load-state';
import { useAction } from '../../ui/use-action';
import { useDebounced, useLoad } from '../../ui/use-load';

interface GateRow extends Device {
  mode: string;
}

type Pending = { kind: 'lockdown' | 'release' } | { kind: 'open'; gate: GateRow } | null;

export function GatesPanel({ siteId }: { siteId: string }) {
  const { user } = useAuth();
  const canLock = user?.role === 'manager' || user?.role === 'admin';
  const gates = useLoad(async () => {
    const page = await call<Page<Device>>(() => api.GET('/api/v1/devices', { params: { query: { siteId, kind: 'gate', limit: 200 } } }));
    return Promise.all(
      page.items.map(async (d): Promise<GateRow> => {
        const s = await call<GateSettings>(() => api.GET('/api/v1/gates/{id}/access-settings', { params: { path: { id: d.id } } })).catch(() => null);
        return { ...d, mode: s?.mode ?? 'unknown' };
      }),
    );
  }, [siteId]);
  const reload = useDebounced(gates.reload, 300);
  useRealtimeEvent('device.status', (p) => p.siteId === siteId && p.kind === 'gate' && reload());

  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const { run, busy, error, clear } = useAction();

  const confirm = () =>
    pending &&
    run(async () => {
      if (pending.kind === 'open') {
        const r = await call<RemoteOpen>(() => api.POST('/api/v1/gates/{id}/open', { params: { path: { id: pending.gate.id } }, body: { reason: reason.trim(), durationMs: 5000 } }));
        setResult(`${pending.gate.name}: ${r.status === 'acked' ? 'opened' : `not confirmed (${r.status})`}`);
      } else {
        const path = pending.kind === 'lockdown' ? '/api/v1/sites/{id}/lockdown' : '/api/v1/sites/{id}/release';
        const r = await call<SiteMode>(() => api.POST(path, { params: { path: { id: siteId } }, body: reason.trim() ? { reason: reason.trim() } : {} }));
        setResult(`Site is now in ${label(r.mode)} (${r.gates.length} gates)`);
      }
      setPending(null);
      gates.reload();
    });
  const ask = (p: Pending) => {
    setPending(p);
    setReason('');
    clear();
  };
  const locked = gates.data?.some((g) => g.mode === 'lockdown');

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>Gates</Title>
        {canLock && (
          <Group gap="xs">
            <Button size="xs" color="red" onClick={() => ask({ kind: 'lockdown' })}>
              Lock down site
            </Button>
            <Button size="xs" variant="light" disabled={!locked} onClick={() => ask({ kind: 'release' })}>
              Release
            </Button>
          </Group>
        )}
      </Group>
      {result && (
        <Text size="sm" mb="xs" role="status" data-testid="gate-result">
          {result}
        </Text>
      )}
      <LoadState state={gates}>
        {(rows) => (
          <Table fz="sm" aria-label="Gates">
            <Table.Tbody>
              {rows.map((g) => (
                <Table.Tr key={g.id} data-gate={g.id}>
                  <Table.Td>{g.name}</Table.Td>
                  <Table.Td>
                    <Badge color={g.online ? 'green' : 'gray'} variant="dot">
                      {g.online ? 'online' : 'offline'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={g.mode === 'normal' ? 'blue' : 'red'} variant="light" data-testid="gate-mode">
                      {label(g.mode)}
                    </Badge>
                  </Table.Td>
                  <Table.Td c="dimmed">{dateTime(g.lastSeenAt)}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={() => ask({ kind: 'open', gate: g })}>
                      Open…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </LoadState>
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={pending?.kind === 'open' ? `Open ${pending.gate.name}` : pending?.kind === 'lockdown' ? 'Lock down every gate of this site?' : 'Release every gate to normal?'}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <Stack>
            {pending?.kind === 'lockdown' && <Text size="sm">Gates will refuse everyone except staff with the lockdown override until released.</Text>}
            <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required={pending?.kind === 'open'} data-autofocus />
            <ErrorText error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                Cancel
              </Button>
              <Button type="submit" color={pending?.kind === 'lockdown' ? 'red' : undefined} loading={busy}>
                {pending?.kind === 'lockdown' ? 'Confirm lockdown' : pending?.kind === 'release' ? 'Confirm release' : 'Open gate'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
