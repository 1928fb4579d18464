// An attachment image: the api wants the bearer token, which <img src> cannot send.
import { Image, Skeleton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { sessionStore } from '../auth/session-store';

export function AuthedImage({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let href: string | null = null;
    let live = true;
    fetch(url, { headers: { authorization: `Bearer ${sessionStore.accessToken() ?? ''}` } })
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        href = URL.createObjectURL(await r.blob());
        if (live) setSrc(href);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (href) URL.revokeObjectURL(href);
    };
  }, [url]);
  if (failed) return <span>{alt} (unavailable)</span>;
  return src ? <Image src={src} alt={alt} h={120} w="auto" fit="contain" radius="sm" /> : <Skeleton h={120} w={160} />;
}
