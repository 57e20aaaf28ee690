import { describe, expect, it } from 'vitest';
import { amsterdamLocalToIso } from './amsterdam-time.ts';

describe('amsterdamLocalToIso', () => {
  it('reads winter and summer wall-clock time as Dutch time', () => {
    expect(amsterdamLocalToIso('2025-01-15T10:00')).toBe('2025-01-15T10:00:00+01:00');
    expect(amsterdamLocalToIso('2025-07-15T10:00')).toBe('2025-07-15T10:00:00+02:00');
  });

  it('gives the same instant the wall clock shows, around the daylight-saving changes', () => {
    for (const local of ['2025-03-30T01:59', '2025-03-30T03:00', '2025-10-26T01:30', '2025-10-26T03:30']) {
      const iso = amsterdamLocalToIso(local);
      expect(iso).not.toBeNull();
      const shown = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Amsterdam',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .format(new Date(iso ?? ''))
        .replace(' ', 'T');
      expect(shown).toBe(local);
    }
  });

  it('refuses what is not a datetime-local value', () => {
    expect(amsterdamLocalToIso('')).toBeNull();
    expect(amsterdamLocalToIso('15-01-2025 10:00')).toBeNull();
  });
});
