// The staff ticket queue: a tab per status with counts, filters, search, sorting and SLA
// countdowns; any ticket.created/updated in the site's staff room refreshes it in place.
import { Badge, Group, MultiSelect, NativeSelect, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { api, call } from '../../api/api-client';
import type { Page, TicketCounts, TicketSummary } from '../../api/views';
import { useRealtimeEvent } from '../../realtime/realtime-context';
import { dateTime, label } from '../../ui/format';
import { LoadState } from '../../ui/load-state';
import { navigate } from '../../ui/router';
import { useDebounced, useLoad } from '../../ui/use-load';
import { useDirectory } from '../staff-directory';
import { SlaBadge, useNow } from './sla-badge';
import { CATEGORIES, options, PRIORITIES, PRIORITY_COLOR, SLA_STATES, SORTS, STATUSES } from './ticket-vocabulary';

type Sort = (typeof SORTS)[number]['value'];
type SlaFilter = (typeof SLA_STATES)[number];

export function TicketQueuePage({ siteId }: { siteId: string }) {
  const [status, setStatus] = useState<string>('new');
  const [category, setCategory] = useState<string[]>([]);
  const [priority, setPriority] = useState<string[]>([]);
  const [assignee, setAssignee] = useState('');
  const [buildingId, setBuildingId] = useState('');
  const [sla, setSla] = useState('');
  const [sort, setSort] = useState<Sort>('sla_due');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const directory = useDirectory(siteId);
  const now = useNow();

  const filters = {
    siteId,
    category: category.length ? category : undefined,
    priority: priority.length ? priority : undefined,
    assignee: assignee || undefined,
    buildingId: buildingId || undefined,
    sla: (sla || undefined) as SlaFilter | undefined,
    q: q || undefined,
  };
  const deps = [siteId, status, category.join(), priority.join(), assignee, buildingId, sla, sort, q];
  const list = useLoad(() => call<Page<TicketSummary>>(() => api.GET('/api/v1/tickets', { params: { query: { ...filters, status: [status], sort, limit: 100 } } })), deps);
  const counts = useLoad(() => call<TicketCounts>(() => api.GET('/api/v1/tickets/counts', { params: { query: filters } })), deps);
  const refresh = useDebounced(() => {
    list.reload();
    counts.reload();
  });
  useRealtimeEvent('ticket.created', (t) => t.siteId === siteId && refresh());
  useRealtimeEvent('ticket.updated', (t) => t.siteId === siteId && refresh());

  const dir = directory.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>Tickets</Title>
        <Text size="sm" c="dimmed" data-testid="ticket-total">
          {counts.data ? `${counts.data.total} matching` : ''}
        </Text>
      </Group>
      <Group gap="xs" align="end" wrap="wrap">
        <TextInput label="Search" placeholder="Title, description or T-000123" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
        <MultiSelect label="Category" data={options(CATEGORIES)} value={category} onChange={setCategory} clearable w={200} comboboxProps={{ withinPortal: true }} />
        <MultiSelect label="Priority" data={options(PRIORITIES)} value={priority} onChange={setPriority} clearable w={170} />
        <NativeSelect
          label="Assignee"
          value={assignee}
          onChange={(e) => setAssignee(e.currentTarget.value)}
          data={[{ value: '', label: 'Anyone' }, { value: 'me', label: 'Me' }, { value: 'none', label: 'Unassigned' }, ...(dir?.staff ?? []).map((s) => ({ value: s.id, label: s.fullName }))]}
        />
        <NativeSelect label="Building" value={buildingId} onChange={(e) => setBuildingId(e.currentTarget.value)} data={[{ value: '', label: 'All' }, ...(dir?.buildings ?? []).map((b) => ({ value: b.id, label: b.name }))]} />
        <NativeSelect label="SLA" value={sla} onChange={(e) => setSla(e.currentTarget.value)} data={[{ value: '', label: 'Any' }, ...options(SLA_STATES)]} />
        <NativeSelect label="Sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)} data={SORTS.map((s) => ({ ...s }))} />
      </Group>
      <Tabs value={status} onChange={(v) => v && setStatus(v)} keepMounted={false}>
        <Tabs.List>
          {STATUSES.map((s) => (
            <Tabs.Tab key={s} value={s} rightSection={<Badge size="xs" variant="light" data-testid={`count-${s}`}>{counts.data?.counts[s] ?? '…'}</Badge>}>
              {label(s)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <LoadState state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed" p="md">
              No tickets here.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table highlightOnHover striped aria-label="Ticket queue">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th>Category</Table.Th>
                    <Table.Th>Priority</Table.Th>
                    <Table.Th>Building</Table.Th>
                    <Table.Th>Assignee</Table.Th>
                    <Table.Th>SLA</Table.Th>
                    <Table.Th>Created</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((t) => (
                    <Table.Tr key={t.id} data-ticket={t.number} style={{ cursor: 'pointer' }} onClick={() => navigate(`/tickets/${t.id}`)}>
                      <Table.Td>
                        <a href={`/console/tickets/${t.id}`} onClick={(e) => (e.preventDefault(), navigate(`/tickets/${t.id}`))}>
                          {t.number}
                        </a>
                      </Table.Td>
                      <Table.Td>{t.title}</Table.Td>
                      <Table.Td>{label(t.category)}</Table.Td>
                      <Table.Td>
                        <Badge color={PRIORITY_COLOR[t.priority]} variant="light">
                          {t.priority}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{dir?.buildingName(t.buildingId) ?? '—'}</Table.Td>
                      <Table.Td>{dir?.staffName(t.assigneeId) ?? '…'}</Table.Td>
                      <Table.Td>
                        <SlaBadge sla={t.sla} now={now} />
                      </Table.Td>
                      <Table.Td>{dateTime(t.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </LoadState>
    </Stack>
  );
}
