import { normalizeLocation } from './duplicate-detection';

describe('normalizeLocation', () => {
  it.each(['Building 3 Lobby', 'bldg 3, lobby', 'Lobby of Building 3', '3号楼大堂', '３号楼 大厅', 'BLDG#3 – LOBBY', '3栋 门厅'])('"%s" -> "bldg3 lobby"', (text) => {
    expect(normalizeLocation(text)).toBe('bldg3 lobby');
  });

  it.each(['3楼走廊', '3F corridor', 'floor 3 hallway', '3rd floor corridor', '3/F Corridor'])('"%s" -> "corridor floor3"', (text) => {
    expect(normalizeLocation(text)).toBe('corridor floor3');
  });

  it.each(['B2层停车场', 'basement 2 car park', '地下2层车库', 'B2F parking'])('"%s" -> "basement2 parking"', (text) => {
    expect(normalizeLocation(text)).toBe('basement2 parking');
  });

  it('keeps building and floor apart, and building 3 apart from 13', () => {
    expect(normalizeLocation('3号楼')).toBe('bldg3');
    expect(normalizeLocation('3楼')).toBe('floor3');
    expect(normalizeLocation('Building 13 lobby')).toBe('bldg13 lobby');
  });

  it('combines building, entrance and elevator', () => {
    expect(normalizeLocation('5栋2单元电梯')).toBe('bldg5 elevator entrance2');
    expect(normalizeLocation('Building 5 entrance 2, lift')).toBe('bldg5 elevator entrance2');
  });

  it('is empty for a blank location', () => {
    expect(normalizeLocation('  ,. ')).toBe('');
  });

  it('keeps unknown places as their own words', () => {
    expect(normalizeLocation('The Rose Pavilion')).toBe('pavilion rose');
    expect(normalizeLocation('东门岗亭')).toBe('gate-east 岗亭');
  });
});
