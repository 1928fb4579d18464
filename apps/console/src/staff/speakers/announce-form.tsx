// Announce to the whole site or one zone; emergency interrupts whatever plays.
import { Button, Card, Group, NativeSelect, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../../api/api-client';
import type { Announcement, Zone } from '../../api/views';
import { ErrorText } from '../../ui/load-state';
import { useAction } from '../../ui/use-action';

export function AnnounceForm({ siteId, zones }: { siteId: string; zones: Zone[] }) {
  const [text, setText] = useState('');
  const [priority, setPriority] = useState<'normal' | 'emergency'>('normal');
  const [target, setTarget] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { run, busy, error } = useAction();
  const send = () =>
    run(async () => {
      const a = await call<Announcement>(() =>
        api.POST('/api/v1/announcements', { body: { text: text.trim(), priority, target: target ? { kind: 'zone', id: target } : { kind: 'site', id: siteId } } }),
      );
      setDone(`Announcement ${a.status}`);
      setText('');
    });
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        Announce
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Stack gap="xs">
          <Textarea label="Message" value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={2} />
          <Group align="end">
            <NativeSelect label="Where" value={target} onChange={(e) => setTarget(e.currentTarget.value)} data={[{ value: '', label: 'Whole site' }, ...zones.map((z) => ({ value: z.id, label: z.name }))]} />
            <SegmentedControl value={priority} onChange={(v) => setPriority(v as 'normal' | 'emergency')} data={[{ value: 'normal', label: 'Normal' }, { value: 'emergency', label: 'Emergency' }]} color={priority === 'emergency' ? 'red' : undefined} />
            <Button type="submit" loading={busy} color={priority === 'emergency' ? 'red' : undefined}>
              Announce
            </Button>
          </Group>
          {done && (
            <Text size="sm" role="status">
              {done}
            </Text>
          )}
          <ErrorText error={error} />
        </Stack>
      </form>
    </Card>
  );
}
