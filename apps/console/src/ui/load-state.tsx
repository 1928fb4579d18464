// The loading and error states every screen shows the same way.
import { Alert, Button, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Loaded } from './use-load';

export function LoadState<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.error)
    return (
      <Alert color="red" title="Could not load" role="alert">
        {state.error}{' '}
        <Button size="xs" variant="light" ml="sm" onClick={state.reload}>
          Retry
        </Button>
      </Alert>
    );
  return (
    <Center p="lg">
      <Loader size="sm" aria-label="Loading" />
    </Center>
  );
}

export function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <Alert color="red" role="alert" py="xs">
      {error}
    </Alert>
  ) : null;
}
