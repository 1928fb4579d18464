// Speakers nearby: free or busy, my place in a queue, and my session (pairing code, end it).
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { api, call } from '../api/api-client';
import type { Speaker } from '../api/views';
import { speakerStatus, useSpeakers } from '../speakers/use-speakers';
import { label, time } from '../ui/format';
import { ErrorText, LoadState } from '../ui/load-state';
import { useAction } from '../ui/use-action';

export function NearbySpeakers() {
  const speakers = useSpeakers();
  const { run, error } = useAction();
  const act = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      speakers.reload();
    });
  const request = (s: Speaker) => act(() => call(() => api.POST('/api/v1/speakers/{id}/sessions', { params: { path: { id: s.id } } })));
  const claim = (sessionId: string) => act(() => call(() => api.POST('/api/v1/speaker-sessions/{id}/claim', { params: { path: { id: sessionId } } })));
  const end = (sessionId: string) => act(() => call(() => api.DELETE('/api/v1/speaker-sessions/{id}', { params: { path: { id: sessionId } }, body: {} })));
  return (
    <Stack gap="sm">
      <Title order={4}>Speakers nearby</Title>
      <ErrorText error={error} />
      <LoadState state={speakers}>
        {(all) =>
          all.length === 0 ? (
            <Text c="dimmed">No speakers in your community.</Text>
          ) : (
            <Stack gap="xs">
              {all.map((s) => {
                const st = speakerStatus(s);
                const mine = s.mine;
                return (
                  <Card key={s.id} withBorder padding="sm" data-speaker={s.id}>
                    <Group justify="space-between" wrap="nowrap">
                      <div>
                        <Text fw={600}>{s.name}</Text>
                        <Text size="xs" c="dimmed">
                          {s.zoneName} · queue {s.queueLength}
                          {s.estimatedWaitSeconds ? ` · ~${Math.ceil(s.estimatedWaitSeconds / 60)} min wait` : ''}
                        </Text>
                      </div>
                      <Badge color={st.color} variant="light">
                        {st.text}
                      </Badge>
                    </Group>
                    {mine?.kind === 'session' && (
                      <Group mt="xs" justify="space-between">
                        <Text size="sm">
                          Your session: {label(mine.phase)}
                          {mine.code ? ` · pairing code ${mine.code}` : ''}
                          {mine.endsAt ? ` · until ${time(mine.endsAt)}` : ''}
                        </Text>
                        <Button size="compact-xs" variant="light" color="red" onClick={() => void end(mine.sessionId)}>
                          End
                        </Button>
                      </Group>
                    )}
                    {mine?.kind === 'queue' && (
                      <Group mt="xs" justify="space-between">
                        <Text size="sm" data-testid="queue-position">
                          You are #{mine.position} in the queue
                        </Text>
                        {mine.offered && mine.placeId && (
                          <Button size="compact-xs" onClick={() => void claim(mine.placeId!)}>
                            Claim now
                          </Button>
                        )}
                      </Group>
                    )}
                    {!mine && s.online && !s.closed && (
                      <Button mt="xs" size="compact-xs" variant="light" onClick={() => void request(s)}>
                        {s.inUse ? 'Join queue' : 'Use speaker'}
                      </Button>
                    )}
                  </Card>
                );
              })}
            </Stack>
          )
        }
      </LoadState>
    </Stack>
  );
}
