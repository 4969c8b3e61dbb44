import {
  BurnRateWindow,
  burnRateWindows,
} from '@delivery-insights/backstage-plugin-delivery-common';
import {
  BurnRateAlertRule,
  alertState,
  burnRateAlertRules,
  exceedsBurnRate,
} from './burnRateAlerts';

const hours: Record<BurnRateWindow, number> = {
  '5m': 5 / 60,
  '30m': 0.5,
  '1h': 1,
  '6h': 6,
  '1d': 24,
  '3d': 72,
};

/** Every window at `base` (0 unless given), then the overrides. */
const rates = (
  overrides: Partial<Record<BurnRateWindow, number | null>>,
  base: number | null = 0,
): Record<BurnRateWindow, number | null> => ({
  ...(Object.fromEntries(burnRateWindows.map(w => [w, base])) as Record<
    BurnRateWindow,
    number | null
  >),
  ...overrides,
});

describe('burnRateAlertRules', () => {
  it('is the SRE Workbook table for a 30-day SLO', () => {
    expect(burnRateAlertRules).toEqual([
      { severity: 'page', longWindow: '1h', shortWindow: '5m', burnRate: 14.4 },
      { severity: 'page', longWindow: '6h', shortWindow: '30m', burnRate: 6 },
      { severity: 'ticket', longWindow: '3d', shortWindow: '6h', burnRate: 1 },
    ]);
  });

  it.each([
    ['1h', 0.02],
    ['6h', 0.05],
    ['3d', 0.1],
  ] as const)(
    'spends the workbook share of a 30-day budget over the %s window',
    (longWindow, share) => {
      const rule = burnRateAlertRules.find(r => r.longWindow === longWindow)!;
      expect((rule.burnRate * hours[rule.longWindow]) / (30 * 24)).toBeCloseTo(
        share,
        12,
      );
    },
  );

  it('pairs each long window with a short window 1/12 as long', () => {
    for (const rule of burnRateAlertRules) {
      expect(hours[rule.shortWindow] * 12).toBeCloseTo(
        hours[rule.longWindow],
        12,
      );
    }
  });
});

const BUDGET = 0.001;

/** The alert state for burn rates, handed over as error rates against a budget of 0.1 %. */
const state = (
  burnRates: Record<BurnRateWindow, number | null>,
  rules?: readonly BurnRateAlertRule[],
) =>
  alertState(
    Object.fromEntries(
      Object.entries(burnRates).map(([w, b]) => [
        w,
        b === null ? null : b * BUDGET,
      ]),
    ) as Record<BurnRateWindow, number | null>,
    BUDGET,
    rules,
  );

describe('exceedsBurnRate', () => {
  it.each([
    ['targetPercent 99.9', 99.9 / 100],
    ['target 0.999', 0.999],
  ])(
    'does not fire on an error rate of exactly 14.4 budgets with %s',
    (_, objective) => {
      const budget = 1 - objective;
      expect(exceedsBurnRate(144 / 10_000, 14.4, budget)).toBe(false);
      expect(exceedsBurnRate(145 / 10_000, 14.4, budget)).toBe(true);
      expect(exceedsBurnRate(6 / 1000, 6, budget)).toBe(false);
      expect(exceedsBurnRate(1 / 1000, 1, budget)).toBe(false);
    },
  );

  it('fires just above the threshold, beyond the rounding tolerance', () => {
    expect(exceedsBurnRate(0.0144 * (1 + 1e-6), 14.4, 0.001)).toBe(true);
    expect(exceedsBurnRate(0.0144 * (1 + 1e-12), 14.4, 0.001)).toBe(false);
  });

  it('never fires on an error rate of 0', () => {
    expect(exceedsBurnRate(0, 0, 0.001)).toBe(false);
  });
});

describe('alertState', () => {
  it('is no_data when every burn rate is null', () => {
    expect(state(rates({}, null))).toBe('no_data');
  });

  it('is no_data when only a window no rule consults has data', () => {
    expect(state(rates({ '1d': 50 }, null))).toBe('no_data');
  });

  it('is ok when nothing burns', () => {
    expect(state(rates({}))).toBe('ok');
  });

  it('is ok when every window burns at exactly 1', () => {
    expect(state(rates({}, 1))).toBe('ok');
  });

  describe('fast burn page (1h and 5m above 14.4)', () => {
    it('does not page at exactly 14.4 over both windows', () => {
      expect(state(rates({ '1h': 14.4, '5m': 14.4 }))).toBe('ok');
    });

    it('pages at 14.5 over both windows', () => {
      expect(state(rates({ '1h': 14.5, '5m': 14.5 }))).toBe('page');
    });

    it('pages just above 14.4', () => {
      expect(state(rates({ '1h': 14.400001, '5m': 14.400001 }))).toBe('page');
    });

    it('does not page when the 1h window is high but the 5m window is low', () => {
      expect(state(rates({ '1h': 100, '5m': 0.5 }))).toBe('ok');
    });

    it('does not page when the 5m window is high but the 1h window is low', () => {
      expect(state(rates({ '1h': 14, '5m': 1000 }))).toBe('ok');
    });

    it('does not page when one window is exactly at the threshold', () => {
      expect(state(rates({ '1h': 14.5, '5m': 14.4 }))).toBe('ok');
      expect(state(rates({ '1h': 14.4, '5m': 14.5 }))).toBe('ok');
    });
  });

  describe('slow burn page (6h and 30m above 6)', () => {
    it('does not page at exactly 6 over both windows', () => {
      expect(state(rates({ '6h': 6, '30m': 6 }))).toBe('ok');
    });

    it('pages just above 6 over both windows', () => {
      expect(state(rates({ '6h': 6.01, '30m': 6.01 }))).toBe('page');
    });

    it('does not page when only the 6h window is above 6', () => {
      expect(state(rates({ '6h': 20, '30m': 5.9 }))).toBe('ok');
    });

    it('does not page when only the 30m window is above 6', () => {
      expect(state(rates({ '6h': 5.9, '30m': 20 }))).toBe('ok');
    });
  });

  describe('ticket (3d and 6h above 1)', () => {
    it('opens a ticket when both windows are above 1', () => {
      expect(state(rates({ '3d': 1.01, '6h': 1.01 }))).toBe('ticket');
    });

    it('does not open a ticket at exactly 1', () => {
      expect(state(rates({ '3d': 1, '6h': 1 }))).toBe('ok');
      expect(state(rates({ '3d': 2, '6h': 1 }))).toBe('ok');
      expect(state(rates({ '3d': 1, '6h': 2 }))).toBe('ok');
    });

    it('does not open a ticket when only one window is above 1', () => {
      expect(state(rates({ '3d': 3, '6h': 0.5 }))).toBe('ok');
      expect(state(rates({ '3d': 0.5, '6h': 3 }))).toBe('ok');
    });

    it('opens a ticket when 6h is high enough to page but 30m is not', () => {
      expect(state(rates({ '3d': 2, '6h': 7, '30m': 0.1 }))).toBe('ticket');
    });

    it('ignores the 1d window', () => {
      expect(state(rates({ '1d': 1000 }))).toBe('ok');
    });
  });

  it('pages rather than tickets when both fire', () => {
    expect(state(rates({}, 20))).toBe('page');
  });

  it('pages whatever the order of the rules', () => {
    const reversed = [...burnRateAlertRules].reverse();
    expect(state(rates({}, 20), reversed)).toBe('page');
  });

  it.each(burnRateAlertRules.map(rule => [rule]))(
    'fires each rule on its own windows: %o',
    (rule: BurnRateAlertRule) => {
      const above = rule.burnRate + 0.001;
      expect(
        state(rates({ [rule.longWindow]: above, [rule.shortWindow]: above })),
      ).toBe(rule.severity);
    },
  );

  describe('windows without data', () => {
    it('cannot page when the 5m window has no events', () => {
      expect(state(rates({ '1h': 100, '5m': null }))).toBe('ok');
    });

    it('cannot page on the slow rule when the 30m window has no events', () => {
      expect(
        state(
          rates({ '6h': 100, '30m': null, '5m': null, '1h': 0, '3d': 100 }),
        ),
      ).toBe('ticket');
    });

    it('cannot open a ticket when the 6h window has no events', () => {
      expect(
        state(
          rates({ '3d': 5, '6h': null, '1h': null, '30m': null, '5m': null }),
        ),
      ).toBe('ok');
    });

    it('still fires a rule whose windows have data when others have none', () => {
      expect(state(rates({ '1h': 20, '5m': 20, '3d': null }))).toBe('page');
    });

    it('is ok, not no_data, when only the long windows have events', () => {
      expect(
        state(rates({ '5m': null, '30m': null, '1h': null, '6h': null }, 0.2)),
      ).toBe('ok');
    });
  });

  it('uses the rules it is given', () => {
    const strict: BurnRateAlertRule[] = [
      { severity: 'ticket', longWindow: '1d', shortWindow: '1h', burnRate: 2 },
    ];
    expect(state(rates({ '1d': 3, '1h': 3 }), strict)).toBe('ticket');
    expect(state(rates({ '1h': 100, '5m': 100 }), strict)).toBe('ok');
    expect(state(rates({ '1d': 3 }, null), strict)).toBe('ok');
    expect(state(rates({ '3d': 3 }, null), strict)).toBe('no_data');
  });
});
