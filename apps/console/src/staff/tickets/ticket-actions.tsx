// What staff can do on a ticket: move it along the workflow (asking for the fields each step
// requires), assign or reassign it, merge it into the ticket it duplicates.
import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import type { Page, TicketFull, TicketSummary } from '../../api/views';
import { useAuth } from '../../auth/auth-context';
import { label } from '../../ui/format';
import { ErrorText } from '../../ui/load-state';
import { useAction } from '../../ui/use-action';
import type { Directory } from '../staff-directory';

type Status = TicketFull['status'];
const NEEDS_REASON: Status[] = ['on_hold', 'cancelled', 'reopened'];

export function TicketActions({ ticket, directory, onChanged }: { ticket: TicketFull; directory: Directory | undefined; onChanged(): void }) {
  const { user } = useAuth();
  const [target, setTarget] = useState<Status | 'assign' | 'merge' | null>(null);
  const [text, setText] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const { run, busy, error, clear } = useAction();
  const canAssign = user?.role === 'manager' || user?.role === 'admin';
  const technicians = directory?.staff.filter((s) => s.active) ?? [];

  const open = (t: typeof target) => {
    setTarget(t);
    setText('');
    setAssigneeId(ticket.assigneeId ?? technicians[0]?.id ?? '');
    clear();
  };
  const submit = () =>
    run(async () => {
      const version = ticket.version;
      if (target === 'assign') {
        await call(() => api.POST('/api/v1/tickets/{id}/assign', { params: { path: { id: ticket.id } }, body: { assigneeId, version } }));
      } else if (target === 'merge') {
        const found = await call<Page<TicketSummary>>(() => api.GET('/api/v1/tickets', { params: { query: { siteId: ticket.siteId, q: text.trim(), limit: 5 } } }));
        const into = found.items.find((t) => t.id !== ticket.id);
        if (!into) throw new ApiError(404, `No ticket ${text.trim()} found`);
        await call(() => api.POST('/api/v1/tickets/{id}/merge', { params: { path: { id: ticket.id } }, body: { intoTicketId: into.id, version } }));
      } else if (target) {
        const body = {
          to: target,
          version,
          ...(target === 'resolved' ? { resolutionNote: text } : {}),
          ...(NEEDS_REASON.includes(target) ? { reason: text } : {}),
          ...(target === 'assigned' ? { assigneeId: canAssign ? assigneeId : (user?.staffId ?? undefined) } : {}),
        };
        await call(() => api.POST('/api/v1/tickets/{id}/transitions', { params: { path: { id: ticket.id } }, body }));
      }
      setTarget(null);
      onChanged();
    });

  const needsText = target === 'resolved' || target === 'merge' || (target !== null && NEEDS_REASON.includes(target as Status));
  const needsAssignee = target === 'assign' || (target === 'assigned' && canAssign);
  return (
    <>
      <Group gap="xs" wrap="wrap" aria-label="Ticket actions">
        {ticket.allowedTransitions.map((s) => (
          <Button key={s} size="xs" variant={s === 'resolved' ? 'filled' : 'light'} onClick={() => open(s)}>
            {transitionLabel(s)}
          </Button>
        ))}
        {canAssign && !['closed', 'cancelled'].includes(ticket.status) && (
          <Button size="xs" variant="outline" onClick={() => open('assign')}>
            {ticket.assigneeId ? 'Reassign' : 'Assign'}
          </Button>
        )}
        {!ticket.mergedIntoId && !['closed', 'cancelled'].includes(ticket.status) && (
          <Button size="xs" variant="subtle" onClick={() => open('merge')}>
            Merge duplicate
          </Button>
        )}
      </Group>
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={target === 'assign' ? 'Assign ticket' : target === 'merge' ? 'Merge into another ticket' : `Move to ${label(target)}`}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            {needsAssignee && (
              <NativeSelect label="Technician" value={assigneeId} onChange={(e) => setAssigneeId(e.currentTarget.value)} data={technicians.map((s) => ({ value: s.id, label: `${s.fullName} (${s.position})` }))} required />
            )}
            {needsText &&
              (target === 'merge' ? (
                <TextInput label="Ticket number it duplicates" placeholder="T-000123" value={text} onChange={(e) => setText(e.currentTarget.value)} required data-autofocus />
              ) : (
                <Textarea label={target === 'resolved' ? 'Resolution note' : 'Reason'} value={text} onChange={(e) => setText(e.currentTarget.value)} required data-autofocus />
              ))}
            <ErrorText error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Confirm
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function transitionLabel(s: Status): string {
  const names: Partial<Record<Status, string>> = { assigned: 'Take / assign', in_progress: 'Start work', on_hold: 'Put on hold', resolved: 'Resolve', closed: 'Close', reopened: 'Reopen', cancelled: 'Cancel ticket', new: 'Back to new' };
  return names[s] ?? label(s);
}
