// Names of the site's staff and buildings, loaded once per site for pickers and labels.
import { api, call } from '../api/api-client';
import type { Building, Page, StaffMember } from '../api/views';
import { useLoad } from '../ui/use-load';

export interface Directory {
  staff: StaffMember[];
  buildings: Building[];
  staffName(id: string | null): string;
  buildingName(id: string | null): string;
}

export function useDirectory(siteId: string) {
  return useLoad<Directory>(async () => {
    const [staff, buildings] = await Promise.all([
      call<Page<StaffMember>>(() => api.GET('/api/v1/staff', { params: { query: { siteId, limit: 200 } } })),
      call<Page<Building>>(() => api.GET('/api/v1/sites/{siteId}/buildings', { params: { path: { siteId }, query: { limit: 200 } } })),
    ]);
    const staffById = new Map(staff.items.map((s) => [s.id, s.fullName]));
    const buildingById = new Map(buildings.items.map((b) => [b.id, b.name]));
    return {
      staff: staff.items,
      buildings: buildings.items,
      staffName: (id) => (id ? (staffById.get(id) ?? id.slice(0, 8)) : 'unassigned'),
      buildingName: (id) => (id ? (buildingById.get(id) ?? '—') : '—'),
    };
  }, [siteId]);
}
