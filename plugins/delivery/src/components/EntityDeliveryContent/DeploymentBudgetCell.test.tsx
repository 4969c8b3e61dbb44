import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { DeploymentRecord } from '@delivery-insights/backstage-plugin-delivery-common';
import { screen } from '@testing-library/react';
import {
  DeploymentBudgetCell,
  hasBudgetInformation,
} from './DeploymentBudgetCell';

const deployment = (
  overrides: Partial<DeploymentRecord> = {},
): DeploymentRecord => ({
  source: 'ci',
  id: 'release-3',
  entityRef: 'component:default/checkout-service',
  environment: 'production',
  status: 'success',
  startedAt: '2026-11-30T10:00:00.000Z',
  finishedAt: '2026-11-30T10:05:00.000Z',
  url: null,
  failed: false,
  reason: null,
  fixesIncidentIds: [],
  rework: false,
  changeIds: [],
  ...overrides,
});

const impacted = deployment({
  freezeViolation: true,
  budgetImpact: [
    { slo: 'availability', windowHours: 2, before: 0.03, after: 0.12 },
    { slo: 'latency', windowHours: 2, before: null, after: null },
  ],
});

describe('DeploymentBudgetCell', () => {
  it('flags a deployment made during a freeze and shows the budget burned around it', async () => {
    await renderInTestApp(<DeploymentBudgetCell deployment={impacted} />);
    expect(
      screen.getByText('Deployed during a freeze without an exception'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'availability: 12% of the budget burned in the 2 h after, 3% in the 2 h before',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'latency: no events in the SLO window before the deployment',
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing special for a deployment within the policy', async () => {
    await renderInTestApp(
      <DeploymentBudgetCell
        deployment={deployment({ freezeViolation: false, budgetImpact: [] })}
      />,
    );
    expect(screen.queryByText(/freeze/)).not.toBeInTheDocument();
  });

  it('speaks Russian', async () => {
    await renderInTestApp(<DeploymentBudgetCell deployment={impacted} />, {
      apis: [
        mockApis.appLanguage({
          defaultLanguage: 'ru',
          availableLanguages: ['en', 'ru'],
        }),
      ],
    });
    expect(
      await screen.findByText('Выпущен во время заморозки без исключения'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^availability: за 2 ч после релиза израсходовано 12 % бюджета, за 2 ч до него — 3 %$/,
      ),
    ).toBeInTheDocument();
  });
});

describe('hasBudgetInformation', () => {
  it('asks for the column only when the backend annotated a deployment', () => {
    expect(hasBudgetInformation([deployment()])).toBe(false);
    expect(
      hasBudgetInformation([
        deployment(),
        deployment({ freezeViolation: false }),
      ]),
    ).toBe(true);
    expect(hasBudgetInformation([])).toBe(false);
  });
});
