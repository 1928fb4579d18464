import { initialPriority, suggestPriority } from './categories';

describe('no emergency: the category default', () => {
  it.each([
    ['plumbing', 'normal'],
    ['electrical', 'normal'],
    ['elevator', 'high'],
    ['security', 'high'],
    ['cleaning', 'normal'],
    ['noise', 'normal'],
    ['landscaping', 'low'],
    ['common_facilities', 'normal'],
    ['other', 'normal'],
  ] as const)('%s -> %s', (category, priority) => {
    expect(suggestPriority(category, 'Please have a look', 'when you can')).toEqual({ priority, emergency: false, reasons: [] });
  });
});

describe('initialPriority', () => {
  it('keeps what the resident asked for when there is no emergency', () => {
    expect(initialPriority('low', suggestPriority('plumbing', 'Tap', 'squeaks'))).toBe('low');
    expect(initialPriority('high', suggestPriority('landscaping', 'Hedge', 'overgrown'))).toBe('high');
  });

  it('uses the suggestion when the resident did not choose', () => {
    expect(initialPriority(undefined, suggestPriority('elevator', 'Lift', 'slow doors'))).toBe('high');
  });

  it('never lets a resident downgrade a detected emergency', () => {
    expect(initialPriority('low', suggestPriority('plumbing', '爆管', ''))).toBe('emergency');
  });
});
