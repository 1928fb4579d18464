// The signed-in session (token pair and user), kept in localStorage so a reload stays signed in.
// One refresh at a time: the api rotates refresh tokens and treats a reused one as theft.
import type { Session } from '../api/views';

const KEY = 'sc.console.session';
type Listener = (s: Session | null) => void;

let current: Session | null = read();
let refreshing: Promise<Session | null> | null = null;
const listeners = new Set<Listener>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export const sessionStore = {
  get: (): Session | null => current,
  accessToken: (): string | null => current?.accessToken ?? null,
  set(next: Session | null): void {
    current = next;
    if (next) localStorage.setItem(KEY, JSON.stringify(next));
    else localStorage.removeItem(KEY);
    for (const l of listeners) l(next);
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** Exchanges the refresh token (once, however many callers ask); signs out when it is refused. */
  refresh(): Promise<Session | null> {
    const held = current;
    if (!held) return Promise.resolve(null);
    refreshing ??= fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: held.refreshToken }),
    })
      .then(async (res) => (res.ok ? ((await res.json()) as Session) : null))
      .catch(() => held) // network trouble: keep the session, the next call retries
      .then((next) => {
        sessionStore.set(next);
        return next;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  },
};
