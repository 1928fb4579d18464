// The resident's rotating entry code: fetched again when the server says it rotates.
import { Card, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { api, call } from '../api/api-client';
import type { MyQr } from '../api/views';
import { LoadState } from '../ui/load-state';
import { QrCode } from '../ui/qr-code';
import { useLoad } from '../ui/use-load';

export function MyQrCard() {
  const qr = useLoad(() => call<MyQr>(() => api.GET('/api/v1/me/qr')), []);
  useEffect(() => {
    if (!qr.data) return;
    const t = setTimeout(qr.reload, Math.max(1000, Date.parse(qr.data.refreshAt) - Date.now()));
    return () => clearTimeout(t);
  }, [qr.data, qr.reload]);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        My entry code
      </Title>
      <LoadState state={qr}>
        {(q) => (
          <Stack align="center" gap="xs">
            <QrCode value={q.token} size={220} label="My entry QR code" />
            <Text size="xs" c="dimmed">
              Show it at any gate; it changes every 30 seconds.
            </Text>
          </Stack>
        )}
      </LoadState>
    </Card>
  );
}
