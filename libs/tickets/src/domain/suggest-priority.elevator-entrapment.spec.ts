import { suggestPriority } from './categories';

describe('elevator entrapment is an emergency', () => {
  it.each([
    ['elevator', '困电梯了', '3号楼电梯停在两层之间'],
    ['elevator', '电梯困人', ''],
    ['other', '有人被困在电梯里', '快来'],
    ['elevator', '電梯關人', '我媽媽被關在電梯裡'],
    ['elevator', 'Trapped in the lift', 'Building 2, lift B stopped between floors'],
    ['other', 'Help', 'my son is stuck in the elevator of building 5'],
    ['elevator', 'Elevator entrapment', ''],
  ] as const)('%s: %s %s', (category, title, description) => {
    expect(suggestPriority(category, title, description)).toEqual({ priority: 'emergency', emergency: true, reasons: ['elevator_entrapment'] });
  });

  it('a stopped lift with nobody inside is high, not an emergency', () => {
    expect(suggestPriority('elevator', 'Lift out of order', 'Lift A stuck on floor 5, doors will not open')).toEqual({ priority: 'high', emergency: false, reasons: [] });
    expect(suggestPriority('elevator', '电梯坏了', '按钮没反应')).toEqual({ priority: 'high', emergency: false, reasons: [] });
  });

  it('"trapped" without any lift is not an entrapment', () => {
    expect(suggestPriority('other', 'Cat trapped in the bike shed', '').reasons).toEqual([]);
  });

  it('困难 (difficulty) is not 困 (trapped)', () => {
    expect(suggestPriority('elevator', '电梯维修困难', '零件难买').emergency).toBe(false);
  });

  it('reads full-width text', () => {
    expect(suggestPriority('other', 'ＴＲＡＰＰＥＤ in ＬＩＦＴ', '').reasons).toEqual(['elevator_entrapment']);
  });
});
