import { EntityManager } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { Resident } from './resident.entity';
import { fieldConflict } from './site-scope';

// Phones and e-mails are logins, unique over all accounts; a resident's phone is also unique within
// the site. Checked up front so the 409 names the field (the unique indexes remain the last word).

export async function assertLoginsFree(m: EntityManager, login: { phone?: string | null; email?: string | null }, exceptAccountId?: string): Promise<void> {
  for (const field of ['phone', 'email'] as const) {
    const value = login[field];
    if (!value) continue;
    const owner = await m.getRepository(Account).findOne({ where: { [field]: value }, select: { id: true } });
    if (owner && owner.id !== exceptAccountId) throw fieldConflict(field === 'phone' ? 'PHONE_TAKEN' : 'EMAIL_TAKEN', field, 'is already used as a login by another account');
  }
}

export async function assertResidentPhoneFree(m: EntityManager, siteId: string, phone: string | null | undefined, exceptResidentId?: string): Promise<void> {
  if (!phone) return;
  const other = await m.getRepository(Resident).findOne({ where: { siteId, phone }, select: { id: true } });
  if (other && other.id !== exceptResidentId) throw fieldConflict('PHONE_TAKEN', 'phone', 'already belongs to a resident of this site');
}
