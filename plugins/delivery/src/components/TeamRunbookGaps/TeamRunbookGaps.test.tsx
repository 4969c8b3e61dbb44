import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { configure, screen, within } from '@testing-library/react';
import { component } from '../../__testUtils__/teamScorecardFixtures';
import { useTeamComponents } from '../GroupDeliveryContent/useTeamComponents';
import { TeamRunbookGaps, runbookCoverage } from './TeamRunbookGaps';

const TEAM = 'group:default/team-payments';

const withAnnotations = (
  entity: Entity,
  annotations: Record<string, string>,
  links: Entity['metadata']['links'] = [],
): Entity => ({
  ...entity,
  metadata: { ...entity.metadata, annotations, links },
});

const complete = withAnnotations(
  component('checkout-service', { owner: TEAM }),
  {
    'delivery-insights.io/runbook': 'https://wiki/checkout',
    'delivery-insights.io/slos': 'apiVersion: openslo/v1',
  },
);
const noRunbook = withAnnotations(component('cart-service', { owner: TEAM }), {
  'delivery-insights.io/slo-file': 'slo.yaml',
});
const noSlo = withAnnotations(
  component('billing-service', { owner: TEAM }),
  {},
  [{ url: 'https://wiki/billing', title: 'Runbook', type: 'runbook' }],
);
const neither = component('ledger-service', { owner: TEAM });
const otherTeam = component('search-service', {
  owner: 'group:default/search',
});

/** The section as the Group's Delivery tab mounts it: with the tab's one catalog query. */
const TeamTab = () => <TeamRunbookGaps components={useTeamComponents(TEAM)} />;

const renderGaps = (entities: Entity[], language = 'en') =>
  renderInTestApp(<TeamTab />, {
    apis: [
      [catalogApiRef, catalogApiMock({ entities })],
      mockApis.appLanguage({
        defaultLanguage: language,
        availableLanguages: ['en', 'ru'],
      }),
    ],
  });

jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });

describe('runbookCoverage', () => {
  it('keeps the services that lack a runbook or an SLO, by name', () => {
    const { gaps, total } = runbookCoverage([
      complete,
      noRunbook,
      noSlo,
      neither,
    ]);
    expect(total).toBe(4);
    expect(
      gaps.map(g => [g.entity.metadata.name, g.hasRunbook, g.hasSlo]),
    ).toEqual([
      ['billing-service', true, false],
      ['cart-service', false, true],
      ['ledger-service', false, false],
    ]);
  });
});

describe('TeamRunbookGaps', () => {
  it('lists the team’s services without a runbook or SLO, with the fix for each', async () => {
    await renderGaps([complete, noRunbook, noSlo, neither, otherTeam]);

    expect(
      await screen.findByText('3 of 4 services lack a runbook or an SLO'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Team services without a runbook or an SLO',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(row =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 3)
          .map(cell => cell.textContent),
      ),
    ).toEqual([
      ['billing-service', 'Yes', 'Missing'],
      ['cart-service', 'Missing', 'Yes'],
      ['ledger-service', 'Missing', 'Missing'],
    ]);
    const create = within(rows[1]).getByRole('button', {
      name: 'Create a runbook',
    });
    const href = new URL(create.getAttribute('href')!, 'http://app');
    expect(href.pathname).toBe(
      '/create/templates/default/delivery-add-runbook',
    );
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      entity: 'component:default/cart-service',
    });
    expect(
      within(rows[0]).queryByRole('button', { name: 'Create a runbook' }),
    ).toBeNull();
    expect(
      within(rows[0]).getByText('Define SLOs in delivery-insights.io/slos'),
    ).toBeInTheDocument();
  });

  it('says so when every service has both, in Russian', async () => {
    await renderGaps([complete], 'ru');
    expect(
      await screen.findByText('У всех сервисов команды есть ранбук и SLO'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Ранбуки и SLO' }),
    ).toBeInTheDocument();
  });
});
