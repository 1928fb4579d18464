// The household's tickets: report one (with photos), follow it live, comment, rate when resolved.
import { Badge, Button, Card, FileInput, Group, NativeSelect, Rating, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { useAction } from '../ui/use-action';
import type { MyHousehold, Page, TicketDetail, TicketFull, TicketSummary } from '../api/views';
import { sessionStore } from '../auth/session-store';
import { useRealtimeEvent } from '../realtime/realtime-context';
import { CATEGORIES, options } from '../staff/tickets/ticket-vocabulary';
import { TicketComments } from '../tickets/ticket-comments';
import { useTicket } from '../tickets/use-ticket';
import { dateTime, label } from '../ui/format';
import { ErrorText, LoadState } from '../ui/load-state';
import { useDebounced, useLoad } from '../ui/use-load';

export function ResidentTickets({ household }: { household: MyHousehold }) {
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useLoad(() => call<Page<TicketSummary>>(() => api.GET('/api/v1/tickets', { params: { query: { limit: 50, sort: '-updated' } } })), []);
  const reload = useDebounced(list.reload);
  useRealtimeEvent('ticket.created', reload);
  useRealtimeEvent('ticket.updated', reload);
  if (open) return <ResidentTicket ticketId={open} onBack={() => setOpen(null)} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4}>Our tickets</Title>
        <Button size="xs" onClick={() => setCreating((c) => !c)}>
          {creating ? 'Close' : 'Report a problem'}
        </Button>
      </Group>
      {creating && (
        <NewTicketForm
          household={household}
          onCreated={(id) => {
            setCreating(false);
            list.reload();
            setOpen(id);
          }}
        />
      )}
      <LoadState state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">No tickets yet.</Text>
          ) : (
            <Stack gap="xs">
              {page.items.map((t) => (
                <Card key={t.id} withBorder padding="sm" component="button" onClick={() => setOpen(t.id)} style={{ textAlign: 'left', cursor: 'pointer' }} data-ticket={t.number}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600}>{t.title}</Text>
                    <Badge data-testid="resident-ticket-status">{label(t.status)}</Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t.number} · {label(t.category)} · {dateTime(t.createdAt)}
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

function NewTicketForm({ household, onCreated }: { household: MyHousehold; onCreated(id: string): void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>('plumbing');
  const [unitId, setUnitId] = useState(household.units[0]?.unitId ?? '');
  const [photos, setPhotos] = useState<File[]>([]);
  const { run, busy, error } = useAction();
  const submit = () =>
    run(async () => {
      const t = await call<TicketDetail>(() => api.POST('/api/v1/tickets', { body: { title: title.trim(), description: description.trim(), category, unitId } }));
      for (const photo of photos) await uploadPhoto(t.id, photo);
      onCreated(t.id);
    });
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="xs">
          <TextInput label="What is wrong?" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <NativeSelect label="Category" value={category} onChange={(e) => setCategory(e.currentTarget.value as typeof category)} data={options(CATEGORIES)} />
          {household.units.length > 1 && (
            <NativeSelect label="Home" value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)} data={household.units.map((u) => ({ value: u.unitId, label: `${u.buildingName} ${u.number}` }))} />
          )}
          <Textarea label="Details" value={description} onChange={(e) => setDescription(e.currentTarget.value)} required autosize minRows={3} />
          <FileInput label="Photos" accept="image/jpeg,image/png,image/webp" multiple value={photos} onChange={setPhotos} clearable />
          <ErrorText error={error} />
          <Button type="submit" loading={busy}>
            Send
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

async function uploadPhoto(ticketId: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api/v1/tickets/${ticketId}/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${sessionStore.accessToken() ?? ''}` } });
  if (!res.ok) throw ApiError.from(res.status, await res.json().catch(() => undefined));
}

function ResidentTicket({ ticketId, onBack }: { ticketId: string; onBack(): void }) {
  const ticket = useTicket(ticketId);
  return (
    <Stack gap="sm">
      <Button variant="subtle" size="xs" onClick={onBack} w="fit-content">
        ← Our tickets
      </Button>
      <LoadState state={ticket}>
        {(t) => (
          <Stack gap="sm">
            <Title order={4}>{t.title}</Title>
            <Group gap="xs">
              <Badge data-testid="resident-ticket-status">{label(t.status)}</Badge>
              <Text size="xs" c="dimmed">
                {t.number} · {label(t.category)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t.description}
            </Text>
            {t.resolutionNote && (
              <Card withBorder bg="green.0" padding="sm">
                <Text size="sm">Resolved: {t.resolutionNote}</Text>
              </Card>
            )}
            {t.status === 'resolved' && !t.rating && <RateTicket ticket={t} onRated={ticket.reload} />}
            {t.rating && <Text size="sm">You rated this {t.rating.score}/5.</Text>}
            <Title order={5}>Conversation</Title>
            <TicketComments ticket={t} staff={false} onPosted={ticket.reload} />
          </Stack>
        )}
      </LoadState>
    </Stack>
  );
}

function RateTicket({ ticket, onRated }: { ticket: TicketFull; onRated(): void }) {
  const [score, setScore] = useState(5);
  const [comment, setComment] = useState('');
  const { run, error } = useAction();
  const rate = () =>
    run(async () => {
      await call(() => api.POST('/api/v1/tickets/{id}/rating', { params: { path: { id: ticket.id } }, body: { score, ...(comment.trim() ? { comment: comment.trim() } : {}) } }));
      onRated();
    });
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          How did we do?
        </Text>
        <Rating value={score} onChange={setScore} aria-label="Rating" />
        <TextInput placeholder="Anything to add? (optional)" value={comment} onChange={(e) => setComment(e.currentTarget.value)} aria-label="Rating comment" />
        <ErrorText error={error} />
        <Button size="xs" onClick={() => void rate()} w="fit-content">
          Send rating
        </Button>
      </Stack>
    </Card>
  );
}
