import { incidentCursor, jsonCursor } from './jsonCursor';

describe('jsonCursor', () => {
  const counter = jsonCursor<{ count: number }>(parsed =>
    typeof (parsed as { count?: unknown })?.count === 'number'
      ? (parsed as { count: number })
      : undefined,
  );

  it('reads back what it wrote', () => {
    expect(counter.serialize({ count: 3 })).toBe('{"count":3}');
    expect(counter.parse('{"count":3}')).toEqual({ count: 3 });
  });

  it('reads a missing, broken or misshapen cursor as undefined', () => {
    expect(counter.parse(undefined)).toBeUndefined();
    expect(counter.parse('')).toBeUndefined();
    expect(counter.parse('{"count":')).toBeUndefined();
    expect(counter.parse('null')).toBeUndefined();
    expect(counter.parse('{"count":"3"}')).toBeUndefined();
  });
});

describe('incidentCursor', () => {
  it('writes the open ids sorted and reads the time back as ISO 8601', () => {
    const written = incidentCursor.serialize({
      since: '2026-01-02T03:04:05.000Z',
      open: ['P2', 'P1'],
    });
    expect(written).toBe(
      '{"since":"2026-01-02T03:04:05.000Z","open":["P1","P2"]}',
    );
    expect(
      incidentCursor.parse('{"since":"2026-01-02T03:04:05Z","open":["P2"]}'),
    ).toEqual({ since: '2026-01-02T03:04:05.000Z', open: ['P2'] });
  });

  it('drops open ids that are not strings and reads a missing list as empty', () => {
    expect(
      incidentCursor.parse(
        '{"since":"2026-01-02T00:00:00Z","open":["P1",2,null]}',
      ),
    ).toEqual({ since: '2026-01-02T00:00:00.000Z', open: ['P1'] });
    expect(incidentCursor.parse('{"since":"2026-01-02T00:00:00Z"}')).toEqual({
      since: '2026-01-02T00:00:00.000Z',
      open: [],
    });
  });

  it('refuses a cursor without a valid time', () => {
    expect(incidentCursor.parse('{"open":[]}')).toBeUndefined();
    expect(incidentCursor.parse('{"since":"yesterday"}')).toBeUndefined();
    expect(incidentCursor.parse('[]')).toBeUndefined();
    expect(incidentCursor.parse('null')).toBeUndefined();
  });
});
