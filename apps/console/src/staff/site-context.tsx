// The site a staff member is working on (the switcher picks among their sites); every staff screen
// scopes its queries to it. The choice survives a reload.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, call } from '../api/api-client';
import type { Page, Site } from '../api/views';
import { useAuth } from '../auth/auth-context';

interface SiteChoice {
  sites: Site[];
  siteId: string | null;
  setSiteId(id: string): void;
}

const SiteContext = createContext<SiteChoice>({ sites: [], siteId: null, setSiteId: () => undefined });
const KEY = 'sc.console.site';

export function SiteProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [sites, setSites] = useState<Site[]>([]);
  const [siteId, setSite] = useState<string | null>(localStorage.getItem(KEY));
  useEffect(() => {
    void call<Page<Site>>(() => api.GET('/api/v1/sites', { params: { query: { limit: 200 } } }))
      .then((page) => {
        // Admins see every site; the switcher offers the ones this account works on when it has any.
        const mine = page.items.filter((s) => user?.siteIds.includes(s.id));
        const offered = mine.length ? mine : page.items;
        setSites(offered);
        setSite((held) => (held && offered.some((s) => s.id === held) ? held : (offered[0]?.id ?? null)));
      })
      .catch(() => setSites([]));
  }, [user?.id]);
  const setSiteId = (id: string) => {
    localStorage.setItem(KEY, id);
    setSite(id);
  };
  return <SiteContext.Provider value={{ sites, siteId, setSiteId }}>{children}</SiteContext.Provider>;
}

export const useSite = (): SiteChoice => useContext(SiteContext);
