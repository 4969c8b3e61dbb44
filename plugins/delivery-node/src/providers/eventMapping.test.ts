import { partitionMapped, toHttpUrl, toInstant } from './eventMapping';

describe('partitionMapped', () => {
  it('separates the events from the skipped records, keeping their order', () => {
    expect(
      partitionMapped([
        { event: 'a' },
        { skipped: { id: 'x', reason: 'no time' } },
        { event: 'b' },
        { skipped: { reason: 'no id' } },
      ]),
    ).toEqual({
      events: ['a', 'b'],
      skipped: [{ id: 'x', reason: 'no time' }, { reason: 'no id' }],
    });
    expect(partitionMapped([])).toEqual({ events: [], skipped: [] });
  });
});

describe('toInstant', () => {
  it('normalises a time with an offset to UTC', () => {
    expect(toInstant('2026-03-01T10:00:00+02:00')).toBe(
      '2026-03-01T08:00:00.000Z',
    );
  });

  it('is undefined for what is not a time', () => {
    expect(toInstant(undefined)).toBeUndefined();
    expect(toInstant(null)).toBeUndefined();
    expect(toInstant('')).toBeUndefined();
    expect(toInstant('soon')).toBeUndefined();
    expect(toInstant(1_700_000_000_000)).toBeUndefined();
  });
});

describe('toHttpUrl', () => {
  it('keeps http and https links', () => {
    expect(toHttpUrl('https://acme.pagerduty.com/incidents/P1')).toBe(
      'https://acme.pagerduty.com/incidents/P1',
    );
    expect(toHttpUrl('http://gitlab.internal/a/b')).toBe(
      'http://gitlab.internal/a/b',
    );
  });

  it('drops other schemes, broken and overlong links', () => {
    expect(toHttpUrl('mailto:oncall@example.com')).toBeUndefined();
    expect(toHttpUrl('ftp://example.com/x')).toBeUndefined();
    expect(toHttpUrl('https://')).toBeUndefined();
    expect(
      toHttpUrl(`https://example.com/${'a'.repeat(2048)}`),
    ).toBeUndefined();
    expect(toHttpUrl(undefined)).toBeUndefined();
    expect(toHttpUrl(42)).toBeUndefined();
  });
});
