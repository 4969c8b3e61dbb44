import { isWindowPreset, presetWindow } from './windowPresets';

describe('presetWindow', () => {
  const now = new Date('2026-11-25T14:00:00Z');

  it('ends every preset now and reaches back the named number of days', () => {
    expect(presetWindow('7d', now)).toEqual({
      from: '2026-11-18T14:00:00.000Z',
      to: '2026-11-25T14:00:00.000Z',
    });
    expect(presetWindow('90d', now).from).toBe('2026-08-27T14:00:00.000Z');
  });

  it('starts the quarter on its first day, UTC', () => {
    expect(presetWindow('quarter', now).from).toBe('2026-10-01T00:00:00.000Z');
    expect(presetWindow('quarter', new Date('2026-03-31T23:00:00Z')).from).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('recognises only the known presets', () => {
    expect(isWindowPreset('30d')).toBe(true);
    expect(isWindowPreset('31d')).toBe(false);
    expect(isWindowPreset(null)).toBe(false);
  });
});
