import {
  parsePeriod,
  previousPeriod,
  quartersBefore,
  workingDays,
} from './period';

describe('parsePeriod', () => {
  it('turns a month into its UTC window, December rolling into the next year', () => {
    expect(parsePeriod('2026-10')).toMatchObject({
      kind: 'month',
      id: '2026-10',
      window: {
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
      },
    });
    expect(parsePeriod('2026-12').window.to).toEqual(
      new Date('2027-01-01T00:00:00Z'),
    );
  });

  it('turns a quarter into three months, in either case of Q', () => {
    expect(parsePeriod('2026-Q4')).toMatchObject({
      kind: 'quarter',
      id: '2026-Q4',
      number: 4,
      window: {
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2027-01-01T00:00:00Z'),
      },
    });
    expect(parsePeriod('2026-q1').window).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
    });
  });

  it.each([
    '2026-13',
    '2026-00',
    '2026-Q5',
    '2026-Q0',
    '26-10',
    '2026-1',
    'October',
    '',
    '2026-10-01',
  ])('rejects %p naming the period parameter', text => {
    expect(() => parsePeriod(text)).toThrow(/Invalid query parameter period/);
  });

  it('accepts only the kinds a report allows', () => {
    expect(() => parsePeriod('2026-10', ['quarter'])).toThrow(
      'expected a quarter such as 2026-Q4, got "2026-10"',
    );
    expect(parsePeriod('2026-Q2', ['quarter']).kind).toBe('quarter');
  });
});

describe('quartersBefore and previousPeriod', () => {
  it('counts back across a year boundary, oldest first', () => {
    expect(quartersBefore(parsePeriod('2026-Q2'), 4).map(q => q.id)).toEqual([
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
    ]);
  });

  it('finds the month and the quarter before', () => {
    expect(previousPeriod(parsePeriod('2026-01')).id).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026-Q1')).id).toBe('2025-Q4');
  });
});

describe('workingDays', () => {
  it('counts Monday to Friday of the half-open window', () => {
    expect(workingDays(parsePeriod('2026-10').window)).toBe(22);
    expect(workingDays(parsePeriod('2026-Q4').window)).toBe(66);
    expect(workingDays(parsePeriod('2027-Q1').window)).toBe(64);
  });
});
