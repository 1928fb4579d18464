// Who is signed in, for the whole app; signing in stores the token pair, signing out forgets it.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, call } from '../api/api-client';
import type { Me, Session } from '../api/views';
import { sessionStore } from './session-store';

interface Auth {
  user: Me | null;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth>({ user: null, signIn: async () => undefined, signOut: async () => undefined });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null>(sessionStore.get()?.user ?? null);
  useEffect(() => sessionStore.subscribe((s) => setUser(s?.user ?? null)), []);
  const auth: Auth = {
    user,
    async signIn(login, password) {
      sessionStore.set(await call<Session>(() => api.POST('/api/v1/auth/login', { body: { login, password } })));
    },
    async signOut() {
      const s = sessionStore.get();
      if (s) await call(() => api.POST('/api/v1/auth/logout', { body: { refreshToken: s.refreshToken } })).catch(() => undefined);
      sessionStore.set(null);
    },
  };
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export const useAuth = (): Auth => useContext(AuthContext);
export const isStaff = (u: Me | null): boolean => !!u && u.role !== 'resident';
