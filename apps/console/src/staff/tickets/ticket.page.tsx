// A ticket for staff: details, photos, comments and internal notes, activity log and the actions
// open to this user; updates from anyone show at once.
import { Badge, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TicketFull } from '../../api/views';
import { TicketComments } from '../../tickets/ticket-comments';
import { useTicket } from '../../tickets/use-ticket';
import { AuthedImage } from '../../ui/authed-image';
import { dateTime, label } from '../../ui/format';
import { LoadState } from '../../ui/load-state';
import { Link } from '../../ui/router';
import { useDirectory, type Directory } from '../staff-directory';
import { SlaBadge, useNow } from './sla-badge';
import { TicketActions } from './ticket-actions';
import { PRIORITY_COLOR } from './ticket-vocabulary';

export function TicketPage({ ticketId }: { ticketId: string }) {
  const ticket = useTicket(ticketId);
  return (
    <Stack gap="sm">
      <Link to="/tickets">← Queue</Link>
      <LoadState state={ticket}>{(t) => <TicketView ticket={t} onChanged={ticket.reload} />}</LoadState>
    </Stack>
  );
}

function TicketView({ ticket: t, onChanged }: { ticket: TicketFull; onChanged(): void }) {
  const directory = useDirectory(t.siteId);
  const dir = directory.data;
  const now = useNow();
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="start">
        <div>
          <Title order={3}>
            {t.number} · {t.title}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge data-testid="ticket-status">{label(t.status)}</Badge>
            <Badge color={PRIORITY_COLOR[t.priority]} variant="light">
              {t.priority}
            </Badge>
            <Badge variant="outline">{label(t.category)}</Badge>
            <SlaBadge sla={t.sla} now={now} />
            {t.emergency && <Badge color="red">emergency</Badge>}
            {t.likelyDuplicateOfId && (
              <Link to={`/tickets/${t.likelyDuplicateOfId}`} size="sm">
                likely duplicate
              </Link>
            )}
            {t.mergedIntoId && (
              <Link to={`/tickets/${t.mergedIntoId}`} size="sm">
                merged into another ticket
              </Link>
            )}
          </Group>
        </div>
        <TicketActions ticket={t} directory={dir} onChanged={onChanged} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <Card withBorder>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{t.description}</Text>
              <Details ticket={t} dir={dir} />
              {t.attachments.length > 0 && (
                <Group mt="sm" gap="xs" aria-label="Photos">
                  {t.attachments.map((a) => (
                    <AuthedImage key={a.id} url={a.url} alt={a.fileName} />
                  ))}
                </Group>
              )}
            </Card>
            <Card withBorder>
              <Title order={5} mb="xs">
                Comments and notes
              </Title>
              <TicketComments ticket={t} staff onPosted={onChanged} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <Title order={5} mb="xs">
              Activity
            </Title>
            <Table fz="xs" aria-label="Activity log">
              <Table.Tbody>
                {t.activity.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {dateTime(a.at)}
                    </Table.Td>
                    <Table.Td>
                      <b>{label(a.action)}</b> by {a.actorRole}
                      {a.after?.status ? ` → ${label(String(a.after.status))}` : ''}
                      {a.note ? ` — ${a.note}` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Details({ ticket: t, dir }: { ticket: TicketFull; dir: Directory | undefined }) {
  const rows: [string, string][] = [
    ['Assignee', dir?.staffName(t.assigneeId) ?? '…'],
    ['Building', dir?.buildingName(t.buildingId) ?? '—'],
    ['Location', t.location ?? (t.unitId ? 'resident home' : '—')],
    ['Reported', `${dateTime(t.createdAt)} by ${t.reporterKind}`],
    ['Resolution due', dateTime(t.sla.resolutionDueAt)],
    ...(t.resolutionNote ? [['Resolution', t.resolutionNote] as [string, string]] : []),
    ...(t.holdReason ? [['On hold', t.holdReason] as [string, string]] : []),
    ...(t.rating ? [['Rating', `${t.rating.score}/5`] as [string, string]] : []),
  ];
  return (
    <Table mt="sm" fz="sm" withRowBorders={false} aria-label="Details">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={140}>{k}</Table.Th>
            <Table.Td data-testid={`detail-${k.toLowerCase().replace(/ /g, '-')}`}>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
