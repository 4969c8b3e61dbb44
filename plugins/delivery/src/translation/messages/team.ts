/** Strings of the team (Group) scorecard and the organisation overview page (English). */
export const teamMessages = {
  team: {
    title: 'Team scorecard',
    // The Delivery tab of a Group page
    rollupDescription:
      'Computed by the backend from the records of everything {{team}} owns.',
    noTeamData: 'No delivery data for this team in the selected window',
    noTeamDataHint:
      'Choose a longer window, or connect a provider (or post events to the ingestion API) for the services this team owns.',
    p90: 'p90: {{value}}',
    p85: 'p85: {{value}}',
    previousShort: 'Previous: {{value}}',
    servicesHeading: 'Services',
    servicesCount_one: '{{count}} service owned by this team',
    servicesCount_other: '{{count}} services owned by this team',
    serviceColumn: 'Service',
    noServices: 'This team owns no components',
    noServicesHint:
      'Set spec.owner: {{owner}} in a component’s catalog-info.yaml to list it here.',
    noServiceData:
      'None of these services has delivery data in the selected window',
    noServiceDataHint:
      'Choose a longer window, or connect a provider or post events to the ingestion API.',
    // The SLOs at risk across the team's services
    slo: {
      heading: 'SLOs at risk',
      description:
        'The SLOs of the team’s services that page or open a ticket now, or have less than {{threshold}} of their error budget left, each over its own rolling window. Pages first, then tickets, then the lowest budget left.',
      tableLabel: 'SLOs at risk across the team’s services',
      atRiskCount_one: '{{count}} SLO at risk',
      atRiskCount_other: '{{count}} SLOs at risk',
      serviceColumn: 'Service',
      sloColumn: 'SLO',
      alertColumn: 'Alert',
      budgetColumn: 'Error budget',
      forecastColumn: 'Forecast',
      serviceError: 'Could not load this service’s SLOs: {{message}}',
      noneAtRisk: 'No SLO at risk',
      healthy_one: '{{count}} SLO {{across}} is healthy',
      healthy_other: '{{count}} SLOs {{across}} are healthy',
      acrossServices_one: 'across {{count}} service',
      acrossServices_other: 'across {{count}} services',
      noSlos: 'None of the team’s services defines SLOs',
      noSlosHint:
        'Define them as inline YAML in the {{annotation}} annotation of a service’s catalog-info.yaml; see {{docs}}.',
    },
    // The organisation overview
    organizationHeading: 'Organisation',
    organizationDescription:
      'The four keys over every record of the organisation, computed by the backend (not averaged over teams).',
    noOrganizationData: 'No delivery data in the selected window',
    noOrganizationDataHint:
      'Choose a longer window, or connect a provider or post events to the ingestion API.',
    teamsHeading: 'Teams',
    teamsDescription:
      'Ranked by how many of the four keys are elite or high, then by deployment frequency.',
    rankColumn: 'Rank',
    teamColumn: 'Team',
    strongKeysColumn: 'Elite or high',
    strongKeys: '{{value}} of 4',
    noTeams: 'No teams in the catalog',
    noTeamsHint:
      'Add Group entities with spec.type: team and make them the owners of components.',
    distributionHeading: 'Services by level',
    distributionDescription:
      'How many components are at each DORA level of every key, for the components that match the filters.',
    matchingServices_one: '{{count}} service matches the filters',
    matchingServices_other: '{{count}} services match the filters',
    distributionSummary:
      '{{metric}}: {{elite}} elite, {{high}} high, {{medium}} medium, {{low}} low, {{none}} no data',
    distributionTableLabel: 'Number of services at each level, per metric',
    metricColumn: 'Metric',
    noData: 'No data',
    filtersLabel: 'Filter services',
    ownerFilter: 'Owner',
    systemFilter: 'System',
    lifecycleFilter: 'Lifecycle',
    allOption: 'All',
    clearFilters: 'Clear filters',
    noComponents: 'The catalog has no components',
    noComponentsHint:
      'Register components in the catalog to see how they spread over the levels.',
    noMatchingComponents: 'No components match the filters',
    noMatchingComponentsHint: 'Choose other filters or clear them.',
    backendHeading: 'Backend status',
    backendStatus: 'Status: {{status}}',
    backendDatabase: 'Database: {{database}}',
    backendProviders: 'Providers: {{providers}}',
    backendNoneInstalled: 'none installed',
    backendNoProvidersHint:
      'No provider modules are installed yet: records can still be posted to the ingestion API.',
  },
} as const;
