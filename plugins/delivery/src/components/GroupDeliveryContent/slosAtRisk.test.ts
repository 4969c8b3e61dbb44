import {
  availabilitySlo,
  checkoutSlos,
  latencySlo,
  refundsSlo,
  sloStatus,
  slosOf,
  SLOS_AT,
  webhooksSlo,
} from '../../__testUtils__/sloFixtures';
import { isSloAtRisk, slosAtRisk } from './slosAtRisk';

const CHECKOUT = 'component:default/checkout-service';
const CART = 'component:default/cart-service';
const BILLING = 'component:default/billing-service';

/** The service and SLO name of each SLO at risk, in order. */
const names = (report: ReturnType<typeof slosAtRisk>) =>
  report.atRisk.map(
    ({ entityRef, status }) =>
      `${entityRef.split('/')[1]} ${status.definition.name}`,
  );

describe('isSloAtRisk', () => {
  it('counts a page or a ticket whatever the budget left', () => {
    expect(isSloAtRisk(sloStatus('a', { alert: 'page', remaining: 0.9 }))).toBe(
      true,
    );
    expect(
      isSloAtRisk(sloStatus('a', { alert: 'ticket', remaining: 0.9 })),
    ).toBe(true);
    expect(isSloAtRisk(availabilitySlo())).toBe(true);
    expect(isSloAtRisk(latencySlo())).toBe(true);
  });

  it('counts less than 25 % of the budget left, an overspent budget included', () => {
    expect(isSloAtRisk(sloStatus('a', { remaining: 0.2499 }))).toBe(true);
    expect(isSloAtRisk(sloStatus('a', { remaining: 0 }))).toBe(true);
    expect(isSloAtRisk(sloStatus('a', { remaining: -0.4 }))).toBe(true);
    expect(isSloAtRisk(sloStatus('a', { remaining: 0.25 }))).toBe(false);
    expect(isSloAtRisk(webhooksSlo())).toBe(false);
  });

  it('does not count an SLO without data', () => {
    expect(isSloAtRisk(refundsSlo())).toBe(false);
    expect(
      isSloAtRisk(sloStatus('a', { alert: 'no_data', remaining: null })),
    ).toBe(false);
  });
});

describe('slosAtRisk', () => {
  it('sorts pages, then tickets, then low budgets, each by the lowest budget left', () => {
    const report = slosAtRisk([
      {
        entityRef: CHECKOUT,
        slos: slosOf(CHECKOUT, [
          webhooksSlo(),
          sloStatus('low-ok', { remaining: 0.1 }),
          sloStatus('ticket-high', { alert: 'ticket', remaining: 0.8 }),
          availabilitySlo(), // page, 62 % left
          refundsSlo(),
          sloStatus('overspent-ok', { remaining: -0.3 }),
        ]),
      },
      {
        entityRef: CART,
        slos: slosOf(CART, [
          latencySlo(), // ticket, overspent by 12 %
          sloStatus('page-low', { alert: 'page', remaining: 0.05 }),
          sloStatus('boundary', { remaining: 0.25 }),
          sloStatus('page-no-data', { alert: 'page', remaining: null }),
        ]),
      },
    ]);

    expect(names(report)).toEqual([
      'cart-service page-low',
      'checkout-service availability',
      'cart-service page-no-data',
      'cart-service latency',
      'checkout-service ticket-high',
      'checkout-service overspent-ok',
      'checkout-service low-ok',
    ]);
    expect(report.atRisk.every(slo => slo.at === SLOS_AT)).toBe(true);
    expect(report.checkedSlos).toBe(10);
    expect(report.servicesWithSlos).toBe(2);
    expect(report.unreadableDefinitions).toBe(0);
    expect(report.failed).toEqual([]);
  });

  it('breaks ties by service, then by SLO name', () => {
    const report = slosAtRisk([
      {
        entityRef: CHECKOUT,
        slos: slosOf(CHECKOUT, [
          sloStatus('b', { alert: 'ticket', remaining: 0.5 }),
          sloStatus('a', { alert: 'ticket', remaining: 0.5 }),
        ]),
      },
      {
        entityRef: CART,
        slos: slosOf(CART, [
          sloStatus('z', { alert: 'ticket', remaining: 0.5 }),
        ]),
      },
    ]);
    expect(names(report)).toEqual([
      'cart-service z',
      'checkout-service a',
      'checkout-service b',
    ]);
  });

  it('keeps the failed services apart and counts only the services that answered', () => {
    const error = new Error('billing SLOs unavailable');
    const report = slosAtRisk([
      { entityRef: BILLING, error },
      { entityRef: CHECKOUT, slos: slosOf(CHECKOUT, [webhooksSlo()]) },
      { entityRef: CART, slos: slosOf(CART, []) },
    ]);
    expect(report).toEqual({
      atRisk: [],
      failed: [{ entityRef: BILLING, error }],
      checkedSlos: 1,
      servicesWithSlos: 1,
      unreadableDefinitions: 0,
    });
  });

  it('reads a partial answer without SLOs as none', () => {
    const partial = { entityRef: CART, at: SLOS_AT, errors: [] } as any;
    expect(slosAtRisk([{ entityRef: CART, slos: partial }])).toEqual({
      atRisk: [],
      failed: [],
      checkedSlos: 0,
      servicesWithSlos: 0,
      unreadableDefinitions: 0,
    });
  });

  it('counts the definitions the backend could not read', () => {
    const report = slosAtRisk([
      { entityRef: CHECKOUT, slos: checkoutSlos() },
      {
        entityRef: CART,
        slos: { ...slosOf(CART, []), errors: [{ message: 'no objective' }] },
      },
    ]);
    expect(report.unreadableDefinitions).toBe(3);
    expect(report.checkedSlos).toBe(4);
    expect(report.servicesWithSlos).toBe(1);
  });
});
