// Speakers for staff: each zone with its speakers' live state and queues; end a session; announce.
import { Badge, Button, Card, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { api, call } from '../../api/api-client';
import type { Speaker, Zone } from '../../api/views';
import { speakerStatus, useSpeakers } from '../../speakers/use-speakers';
import { dateTime } from '../../ui/format';
import { ErrorText, LoadState } from '../../ui/load-state';
import { useAction } from '../../ui/use-action';
import { useLoad } from '../../ui/use-load';
import { AnnounceForm } from './announce-form';

export function SpeakersPage({ siteId }: { siteId: string }) {
  const zones = useLoad(() => call<Zone[]>(() => api.GET('/api/v1/speaker-zones', { params: { query: { siteId } } })), [siteId]);
  const speakers = useSpeakers(siteId);
  const { run, error } = useAction();
  const end = (s: Speaker) => {
    const sessionId = s.session?.sessionId;
    // Staff must give a reason; the browser's own prompt keeps this keyboard-usable with no extra dialog.
    const reason = sessionId ? window.prompt(`End the session on ${s.name}? Reason:`, 'Ended by staff') : null;
    if (!sessionId || !reason) return;
    void run(async () => {
      await call(() => api.DELETE('/api/v1/speaker-sessions/{id}', { params: { path: { id: sessionId } }, body: { reason } }));
      speakers.reload();
    });
  };
  return (
    <Stack gap="sm">
      <Title order={3}>Speakers</Title>
      <ErrorText error={error} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <LoadState state={speakers}>
            {(all) => (
              <Stack gap="sm">
                {groupByZone(all).map(([zoneName, list]) => (
                  <Card withBorder key={zoneName}>
                    <Title order={5} mb="xs">
                      {zoneName}
                    </Title>
                    <Table fz="sm" aria-label={`Speakers in ${zoneName}`}>
                      <Table.Tbody>
                        {list.map((s) => {
                          const st = speakerStatus(s);
                          return (
                            <Table.Tr key={s.id} data-speaker={s.id}>
                              <Table.Td>{s.name}</Table.Td>
                              <Table.Td>
                                <Badge color={st.color} variant="light">
                                  {st.text}
                                </Badge>
                              </Table.Td>
                              <Table.Td>
                                vol {s.volume ?? '—'}/{s.cap}
                              </Table.Td>
                              <Table.Td>queue {s.queueLength}</Table.Td>
                              <Table.Td c="dimmed">{s.session?.endsAt ? `ends ${dateTime(s.session.endsAt)}` : ''}</Table.Td>
                              <Table.Td>
                                {s.session && (
                                  <Button size="compact-xs" variant="light" color="red" onClick={() => end(s)}>
                                    End session
                                  </Button>
                                )}
                              </Table.Td>
                            </Table.Tr>
                          );
                        })}
                      </Table.Tbody>
                    </Table>
                  </Card>
                ))}
                {all.length === 0 && <Text c="dimmed">No speakers at this site.</Text>}
              </Stack>
            )}
          </LoadState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <AnnounceForm siteId={siteId} zones={zones.data ?? []} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function groupByZone(speakers: Speaker[]): [string, Speaker[]][] {
  const zones = new Map<string, Speaker[]>();
  for (const s of speakers) zones.set(s.zoneName, [...(zones.get(s.zoneName) ?? []), s]);
  return [...zones.entries()].sort(([a], [b]) => a.localeCompare(b));
}

