// What of a command's data is kept in device_commands. Face templates never reach the database:
// a facelib.sync row keeps the version and counts only.

export function summarizeCommandData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  if (type === 'facelib.sync') {
    const upserts = Array.isArray(data.upserts) ? data.upserts : [];
    const removes = Array.isArray(data.removes) ? data.removes : [];
    // A chunk of a full library keeps its place (index/count): access matches the ack to the transfer by it.
    return { version: data.version, full: data.full, upserts: upserts.length, removes: removes.length, ...(data.chunk ? { chunk: data.chunk } : {}) };
  }
  return { ...data };
}
