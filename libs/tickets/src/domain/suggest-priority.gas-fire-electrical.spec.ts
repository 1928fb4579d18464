import { suggestPriority } from './categories';

describe('gas, fire and electrical hazards', () => {
  it.each([
    ['煤气味很重', ''],
    ['厨房燃气泄漏', ''],
    ['Strong gas smell', 'in the stairwell of building 4'],
    ['It smells like gas', ''],
  ])('"%s %s" is a gas emergency', (title, description) => {
    expect(suggestPriority('other', title, description).reasons).toEqual(['gas_leak']);
  });

  it.each([
    ['Fire in the bin room', ''],
    ['Smoke coming from the garage', ''],
    ['垃圾房着火了', ''],
    ['配电箱冒烟', ''],
  ])('"%s %s" is a fire', (title, description) => {
    expect(suggestPriority('common_facilities', title, description).reasons).toContain('fire_or_smoke');
  });

  it.each([
    ['Sparks from the socket', ''],
    ['孩子触电了', '插座漏电'],
    ['Exposed live wire in the corridor', ''],
  ])('"%s %s" is an electrical hazard', (title, description) => {
    expect(suggestPriority('electrical', title, description)).toMatchObject({ priority: 'emergency', reasons: ['electrical_hazard'] });
  });

  it('fire equipment and smoke detectors are not fires; a gas bill is not a gas leak', () => {
    expect(suggestPriority('common_facilities', 'Fire door does not close', 'fire extinguisher missing too')).toEqual({ priority: 'normal', emergency: false, reasons: [] });
    expect(suggestPriority('common_facilities', 'Smoke detector beeping', '').emergency).toBe(false);
    expect(suggestPriority('other', '煤气费怎么交', '').emergency).toBe(false);
  });

  it('reports every rule that matched, in a fixed order', () => {
    expect(suggestPriority('other', 'Fire! smell of gas and the pipe burst', '').reasons).toEqual(['water_burst_or_flooding', 'gas_leak', 'fire_or_smoke']);
  });
});
