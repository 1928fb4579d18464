import { normalizePhone } from './login-identifier';
import { planDemoCommunity } from './demo-community-plan';

describe('demo community plan', () => {
  const plan = planDemoCommunity('admin@demo.community');

  it('has 4 buildings, 200 units, 500 residents and 10 staff (7 technicians, 2 managers, 1 admin)', () => {
    expect(plan.site).toMatchObject({ code: 'demo', name: 'Lakeside Gardens', timezone: 'Asia/Shanghai' });
    expect(plan.buildings).toHaveLength(4);
    expect(plan.buildings.flatMap((b) => b.units)).toHaveLength(200);
    expect(plan.residents).toHaveLength(500);
    const positions = plan.staff.map((s) => s.position);
    expect(positions.filter((p) => p === 'technician')).toHaveLength(7);
    expect(positions.filter((p) => p === 'manager')).toHaveLength(2);
    expect(positions.filter((p) => p === 'admin')).toHaveLength(1);
  });

  it('is the same on every call', () => {
    expect(planDemoCommunity('admin@demo.community')).toEqual(plan);
  });

  it('gives every person a distinct, already-normalized login and every resident an existing unit', () => {
    const phones = [...plan.residents.map((r) => r.phone), ...plan.staff.flatMap((s) => (s.phone ? [s.phone] : []))];
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of phones) expect(normalizePhone(p)).toBe(p);
    const units = new Set(plan.buildings.flatMap((b) => b.units.map((u) => `${b.code}/${u.number}`)));
    for (const r of plan.residents) expect(units.has(`${r.buildingCode}/${r.unitNumber}`)).toBe(true);
    expect(new Set(plan.buildings.flatMap((b) => b.units.map((u) => `${b.code}/${u.number}`))).size).toBe(200);
  });

  it('gives every unit exactly one head (owner or tenant) and covers several skills', () => {
    const heads = plan.residents.filter((r) => r.relation !== 'family');
    expect(heads).toHaveLength(200);
    expect(plan.residents.filter((r) => r.relation === 'tenant')).toHaveLength(40);
    expect(new Set(plan.staff.flatMap((s) => s.skills))).toEqual(new Set(['plumbing', 'electrical', 'elevator', 'cleaning', 'security', 'landscaping', 'general']));
  });

  it('takes the admin login from the configuration, as e-mail or phone, and refuses anything else', () => {
    expect(plan.staff.find((s) => s.position === 'admin')).toMatchObject({ email: 'admin@demo.community', phone: null });
    expect(planDemoCommunity('+86 135 0000 0000').staff.find((s) => s.position === 'admin')).toMatchObject({ email: null, phone: '+8613500000000' });
    expect(() => planDemoCommunity('admin')).toThrow(/DEMO_ADMIN_LOGIN/);
  });
});
