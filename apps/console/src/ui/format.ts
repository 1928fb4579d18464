// Display helpers shared by the screens.
export const time = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '—');
export const dateTime = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }) : '—');
export const label = (code: string | null | undefined): string => (code ? code.replace(/_/g, ' ') : '—');
export const shortId = (id: string): string => id.slice(0, 8);
