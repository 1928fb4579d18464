// A small path router under /console (the app has a handful of screens; no router dependency).
import { Anchor, type AnchorProps } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';

export const BASE = '/console';
const EVENT = 'console:navigate';

export function navigate(to: string): void {
  window.history.pushState(null, '', BASE + to);
  window.dispatchEvent(new Event(EVENT));
}

/** The path below /console, e.g. `/tickets/…`. */
export function usePath(): string {
  const read = () => window.location.pathname.slice(BASE.length) || '/';
  const [path, setPath] = useState(read);
  useEffect(() => {
    const update = () => setPath(read());
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return path;
}

/** A real link (middle-click, keyboard) that navigates in place on a plain click. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorProps) {
  return (
    <Anchor
      href={BASE + to}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </Anchor>
  );
}
