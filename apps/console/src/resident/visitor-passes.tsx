// Visitor passes: create one (its token is shown once, as a QR and as text to share), list, revoke.
import { Badge, Button, Card, CopyButton, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../api/api-client';
import type { NewVisitorPass, Page, VisitorPass } from '../api/views';
import { dateTime, label } from '../ui/format';
import { ErrorText, LoadState } from '../ui/load-state';
import { QrCode } from '../ui/qr-code';
import { useAction } from '../ui/use-action';
import { useLoad } from '../ui/use-load';

export function VisitorPasses() {
  const list = useLoad(() => call<Page<VisitorPass>>(() => api.GET('/api/v1/visitor-passes', { params: { query: { limit: 50 } } })), []);
  const [created, setCreated] = useState<NewVisitorPass | null>(null);
  const [name, setName] = useState('');
  const [hours, setHours] = useState<number | string>(4);
  const [uses, setUses] = useState<number | string>(1);
  const { run, busy, error } = useAction();
  const create = () =>
    run(async () => {
      const now = Date.now();
      const pass = await call<NewVisitorPass>(() =>
        api.POST('/api/v1/visitor-passes', { body: { visitorName: name.trim(), validFrom: new Date(now - 60_000).toISOString(), validUntil: new Date(now + Number(hours) * 3600_000).toISOString(), maxUses: Number(uses) } }),
      );
      setCreated(pass);
      setName('');
      list.reload();
    });
  const revoke = (id: string) =>
    run(async () => {
      await call(() => api.POST('/api/v1/visitor-passes/{id}/revoke', { params: { path: { id } } }));
      list.reload();
    });
  return (
    <Stack gap="sm">
      <Title order={4}>Visitor passes</Title>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Stack gap="xs">
            <TextInput label="Visitor's name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <Group grow>
              <NumberInput label="Valid for (hours)" min={1} max={720} value={hours} onChange={setHours} />
              <NumberInput label="Entries" min={1} max={100} value={uses} onChange={setUses} />
            </Group>
            <ErrorText error={error} />
            <Button type="submit" loading={busy}>
              Create pass
            </Button>
          </Stack>
        </form>
      </Card>
      {created && (
        <Card withBorder bg="blue.0" data-testid="new-pass">
          <Stack gap="xs" align="center">
            <Text fw={600}>Pass for {created.visitorName}</Text>
            <QrCode value={created.token} label={`Visitor pass QR for ${created.visitorName}`} />
            <Text size="xs" ff="monospace" data-testid="pass-token" style={{ wordBreak: 'break-all' }}>
              {created.token}
            </Text>
            <Text size="xs" c="dimmed">
              Shown only now: share it with your visitor.
            </Text>
            <Group gap="xs">
              <CopyButton value={created.token}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy code'}</Button>}</CopyButton>
              {typeof navigator.share === 'function' && (
                <Button size="xs" variant="light" onClick={() => void navigator.share({ title: 'Visitor pass', text: created.token }).catch(() => undefined)}>
                  Share…
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      )}
      <LoadState state={list}>
        {(page) => (
          <Stack gap="xs">
            {page.items.map((p) => (
              <Card key={p.id} withBorder padding="sm" data-pass={p.id}>
                <Group justify="space-between" wrap="nowrap">
                  <div>
                    <Text fw={600}>{p.visitorName}</Text>
                    <Text size="xs" c="dimmed">
                      until {dateTime(p.validUntil)} · {p.uses}/{p.maxUses} used
                    </Text>
                  </div>
                  <Group gap="xs" wrap="nowrap">
                    <Badge color={p.status === 'active' ? 'green' : 'gray'} data-testid="pass-status">
                      {label(p.status)}
                    </Badge>
                    {(p.status === 'active' || p.status === 'upcoming') && (
                      <Button size="compact-xs" variant="light" color="red" onClick={() => void revoke(p.id)}>
                        Revoke
                      </Button>
                    )}
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </LoadState>
    </Stack>
  );
}
