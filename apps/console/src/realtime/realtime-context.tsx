// React access to the session's realtime connection: `useRealtimeEvent` runs a handler for each
// accepted event; `useRealtimeStatus` shows whether the page is live.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ServerEventName, ServerEventPayload } from '@app/contracts/realtime/realtime-events';
import { RealtimeConnection, type RealtimeStatus } from './realtime-connection';

const RealtimeContext = createContext<RealtimeConnection | null>(null);

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [conn, setConn] = useState<RealtimeConnection | null>(null);
  useEffect(() => {
    const c = new RealtimeConnection();
    setConn(c);
    return () => c.close();
  }, []);
  return <RealtimeContext.Provider value={conn}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeConnection | null {
  return useContext(RealtimeContext);
}

export function useRealtimeEvent<E extends ServerEventName>(event: E, handler: (p: ServerEventPayload<E>) => void): void {
  const conn = useRealtime();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => conn?.on(event, (p) => latest.current(p)), [conn, event]);
}

export function useRealtimeStatus(): RealtimeStatus {
  const conn = useRealtime();
  const [status, setStatus] = useState<RealtimeStatus>(conn?.status ?? 'connecting');
  useEffect(() => {
    if (!conn) return;
    setStatus(conn.status);
    return conn.onStatus(setStatus);
  }, [conn]);
  return status;
}

/** Joins a topic room for as long as the component shows it. */
export function useTopic(topic: 'ticket' | 'speaker' | 'zone' | 'announcement', id: string | null | undefined): void {
  const conn = useRealtime();
  const status = useRealtimeStatus();
  useEffect(() => {
    if (!conn || !id || status !== 'live') return;
    void conn.subscribe(topic, id);
    return () => conn.unsubscribe(topic, id);
  }, [conn, topic, id, status]);
}
