// The conversation on a ticket (staff and residents): public comments, and for staff internal
// notes, shown apart; the form posts one.
import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../api/api-client';
import type { TicketFull } from '../api/views';
import { dateTime } from '../ui/format';
import { ErrorText } from '../ui/load-state';
import { useAction } from '../ui/use-action';

export function TicketComments({ ticket, staff, onPosted }: { ticket: TicketFull; staff: boolean; onPosted(): void }) {
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const { run, busy, error } = useAction();
  const post = () =>
    run(async () => {
      await call(() => api.POST('/api/v1/tickets/{id}/comments', { params: { path: { id: ticket.id } }, body: { body: body.trim(), visibility } }));
      setBody('');
      onPosted();
    });
  return (
    <Stack gap="xs">
      {ticket.comments.length === 0 && (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      )}
      {ticket.comments.map((c) => (
        <Card key={c.id} withBorder padding="xs" bg={c.visibility === 'internal' ? 'yellow.0' : undefined} data-comment={c.visibility}>
          <Group gap="xs" mb={4}>
            <Badge size="xs" variant="light" color={c.authorRole === 'resident' ? 'grape' : 'blue'}>
              {c.authorRole}
            </Badge>
            {c.visibility === 'internal' && (
              <Badge size="xs" color="yellow">
                internal note
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {dateTime(c.createdAt)}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </Card>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) void post();
        }}
      >
        <Stack gap="xs">
          <Textarea label={staff && visibility === 'internal' ? 'Internal note (staff only)' : 'Comment'} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} />
          <Group justify="space-between">
            {staff ? (
              <SegmentedControl size="xs" value={visibility} onChange={(v) => setVisibility(v as 'public' | 'internal')} data={[{ value: 'public', label: 'Public comment' }, { value: 'internal', label: 'Internal note' }]} />
            ) : (
              <span />
            )}
            <Button type="submit" size="xs" loading={busy} disabled={!body.trim()}>
              Post
            </Button>
          </Group>
          <ErrorText error={error} />
        </Stack>
      </form>
    </Stack>
  );
}
