import { suggestPriority } from './categories';

describe('water: burst pipes, flooding, leaks', () => {
  it.each([
    ['Burst pipe in the basement', ''],
    ['Water pipe burst', 'water everywhere'],
    ['Flooding', 'the corridor is flooded'],
    ['地下室爆管', ''],
    ['水管爆裂', '楼道里全是水'],
    ['家里淹了', ''],
    ['楼上漏水', '天花板一直往下流'],
    ['漏水', ''],
    ['Water leaking through the ceiling', ''],
  ])('"%s %s" is an emergency', (title, description) => {
    const s = suggestPriority('plumbing', title, description);
    expect(s.priority).toBe('emergency');
    expect(s.reasons).toEqual(['water_burst_or_flooding']);
  });

  it.each([
    ['Dripping tap', 'the kitchen tap is leaking slowly'],
    ['水龙头漏水', '一直滴水'],
    ['Small leak under the sink', ''],
    ['有点渗水', '卫生间墙角'],
  ])('"%s %s" is a minor leak, normal priority', (title, description) => {
    expect(suggestPriority('plumbing', title, description)).toEqual({ priority: 'normal', emergency: false, reasons: [] });
  });

  it('a burst pipe is an emergency even when the resident calls it small', () => {
    expect(suggestPriority('plumbing', 'small burst pipe', '').emergency).toBe(true);
  });
});
