// Speakers as the api shows them to this user (staff: sessions and queues; residents: their own
// place), reloaded when a speaker's state or queue changes.
import { api, call } from '../api/api-client';
import type { Speaker } from '../api/views';
import { useRealtimeEvent } from '../realtime/realtime-context';
import { useDebounced, useLoad } from '../ui/use-load';

export function useSpeakers(siteId?: string) {
  const state = useLoad(() => call<Speaker[]>(() => api.GET('/api/v1/speakers', { params: { query: siteId ? { siteId } : {} } })), [siteId]);
  const reload = useDebounced(state.reload, 300);
  useRealtimeEvent('speaker.state', reload);
  useRealtimeEvent('speaker.queue', reload);
  return state;
}

export function speakerStatus(s: Speaker): { text: string; color: string } {
  if (!s.online) return { text: 'offline', color: 'gray' };
  if (s.announcement) return { text: s.announcement.priority === 'emergency' ? 'emergency announcement' : 'announcement', color: 'red' };
  if (s.closed) return { text: 'closed', color: 'gray' };
  if (s.inUse) return { text: s.nowPlaying?.title ? `playing ${s.nowPlaying.title}` : 'in use', color: 'blue' };
  return { text: 'free', color: 'green' };
}
