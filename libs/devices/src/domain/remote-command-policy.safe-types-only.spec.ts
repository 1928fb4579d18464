import { commandKindProblem, remoteCommandProblem } from './remote-command-policy';

describe('remote commands an admin may send', () => {
  it('allows the safe types on the right kind of device', () => {
    expect(remoteCommandProblem('gate.mode', 'gate')).toBeNull();
    expect(remoteCommandProblem('speaker.stop', 'speaker')).toBeNull();
    expect(remoteCommandProblem('speaker.volume', 'speaker')).toBeNull();
  });

  it('refuses gate.open and facelib.sync (they belong to the access module)', () => {
    expect(remoteCommandProblem('gate.open', 'gate')).toMatch(/must be one of/);
    expect(remoteCommandProblem('facelib.sync', 'gate')).toMatch(/must be one of/);
  });

  it('refuses a command for the other kind of device, and unknown types', () => {
    expect(remoteCommandProblem('speaker.stop', 'gate')).toBe('speaker.stop is for speaker devices, not gate');
    expect(commandKindProblem('gate.fly', 'gate')).toBe('unknown command type "gate.fly"');
  });
});
