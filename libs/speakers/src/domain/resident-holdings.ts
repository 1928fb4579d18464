import { ResidentHolding } from './speaker-commands';
import { SpeakerState } from './speaker-state';

// Where a resident holds a session or queue place, across a snapshot of speaker states.
// The service passes this into requestSession so "one place at a time" holds across speakers.
export function residentHoldings(states: Iterable<SpeakerState>, residentId: string): ResidentHolding[] {
  const holdings: ResidentHolding[] = [];
  for (const state of states) {
    if (state.session?.residentId === residentId) holdings.push({ speakerId: state.speakerId, kind: 'session' });
    if (state.queue.some((entry) => entry.residentId === residentId)) holdings.push({ speakerId: state.speakerId, kind: 'queue' });
  }
  return holdings;
}
