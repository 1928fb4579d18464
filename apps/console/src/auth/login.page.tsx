import { Button, Center, Paper, PasswordInput, Stack, TextInput, Title, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { ErrorText } from '../ui/load-state';
import { useAuth } from './auth-context';

export function LoginPage() {
  const { signIn } = useAuth();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            signIn(login.trim(), password)
              .catch((err: unknown) => setError(err instanceof ApiError ? err.describe() : 'Cannot reach the server'))
              .finally(() => setBusy(false));
          }}
        >
          <Stack>
            <Title order={2}>Community console</Title>
            <Text size="sm" c="dimmed">
              Staff and residents sign in with e-mail or phone.
            </Text>
            <TextInput label="E-mail or phone" name="login" autoComplete="username" value={login} onChange={(e) => setLogin(e.currentTarget.value)} required autoFocus />
            <PasswordInput label="Password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
            <ErrorText error={error} />
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
