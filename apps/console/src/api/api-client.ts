// The REST client: openapi-fetch typed by the generated OpenAPI paths (requests: path, query, body),
// with the bearer token added and one refresh-and-retry on 401. `call` types the answer with the
// server's view interfaces (api/views.ts) and throws ApiError on anything but 2xx.
import createClient, { type Middleware } from 'openapi-fetch';
import { sessionStore } from '../auth/session-store';
import { ApiError } from './api-error';
import type { paths } from './openapi';

const bearer: Middleware = {
  onRequest({ request }) {
    const token = sessionStore.accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

/** Arrays as `a,b` (the api's comma-separated filters). */
export const api = createClient<paths>({ baseUrl: '', querySerializer: { array: { style: 'form', explode: false } } });
api.use(bearer);

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export async function call<T>(run: () => Promise<FetchResult>): Promise<T> {
  let res = await run();
  if (res.response.status === 401 && sessionStore.get() && (await sessionStore.refresh())) res = await run();
  if (!res.response.ok) throw ApiError.from(res.response.status, res.error);
  return res.data as T;
}

/** A download (CSV export) with the bearer token: links cannot carry the header. */
export async function download(url: string, fileName: string): Promise<void> {
  const get = () => fetch(url, { headers: { authorization: `Bearer ${sessionStore.accessToken() ?? ''}` } });
  let res = await get();
  if (res.status === 401 && (await sessionStore.refresh())) res = await get();
  if (!res.ok) throw ApiError.from(res.status, await res.json().catch(() => undefined));
  const href = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
