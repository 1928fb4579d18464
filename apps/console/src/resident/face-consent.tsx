// Face entry: whether a face is enrolled, the consent trail, and withdrawing consent (which
// deletes the template at once).
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../api/api-client';
import type { FaceStatus } from '../api/views';
import { dateTime } from '../ui/format';
import { ErrorText, LoadState } from '../ui/load-state';
import { useAction } from '../ui/use-action';
import { useLoad } from '../ui/use-load';

export function FaceConsent({ residentId }: { residentId: string }) {
  const face = useLoad(() => call<FaceStatus>(() => api.GET('/api/v1/residents/{id}/face', { params: { path: { id: residentId } } })), [residentId]);
  const [confirming, setConfirming] = useState(false);
  const { run, error } = useAction();
  const withdraw = () =>
    run(async () => {
      await call(() => api.DELETE('/api/v1/residents/{id}/face', { params: { path: { id: residentId } }, body: { channel: 'app' } }));
      setConfirming(false);
      face.reload();
    });
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Face entry
      </Title>
      <LoadState state={face}>
        {(f) => (
          <Stack gap="xs">
            <Group gap="xs">
              <Badge color={f.enrolled ? 'green' : 'gray'}>{f.enrolled ? 'enrolled' : 'not enrolled'}</Badge>
              {f.enrolledAt && <Text size="xs">since {dateTime(f.enrolledAt)}</Text>}
            </Group>
            {f.enrolled &&
              (confirming ? (
                <Group gap="xs">
                  <Text size="sm">Your face template will be deleted from every gate.</Text>
                  <Button size="xs" color="red" onClick={() => void withdraw()}>
                    Withdraw consent
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                    Keep
                  </Button>
                </Group>
              ) : (
                <Button size="xs" variant="light" color="red" w="fit-content" onClick={() => setConfirming(true)}>
                  Withdraw consent…
                </Button>
              ))}
            <ErrorText error={error} />
          </Stack>
        )}
      </LoadState>
    </Card>
  );
}
