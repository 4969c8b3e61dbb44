import { Table, TableColumn } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useDeliveryWindow } from '../../hooks/useDeliveryWindow';
import { deliveryTranslationRef } from '../../translation';
import {
  DoraMetricCell,
  SectionLoadError,
  entityTableOptions,
  NoticePanel,
  catalogFields,
  compareNullsLast,
  useEntityScorecardRows,
} from '../ScorecardParts';
import { RankedTeam, TeamStanding, rankTeams } from './rankTeams';
import { leveledDoraKeys } from '../ScorecardParts/scorecardMetrics';

type TeamRow = RankedTeam<TeamStanding & { id: string; entityRef: string }>;

/** Every team of the catalog (Groups of type `team`), ranked on its rolled-up four keys. */
export const TeamRanking = () => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const { window } = useDeliveryWindow();

  const teams = useAsyncRetry(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'group', 'spec.type': 'team' },
      fields: catalogFields,
    });
    return items;
  }, [catalogApi]);

  const { rows: teamRows, scorecards } = useEntityScorecardRows(
    teams.value,
    window,
  );
  const rows = useMemo<TeamRow[]>(() => rankTeams(teamRows), [teamRows]);

  const columns = useMemo<TableColumn<TeamRow>[]>(
    () => [
      {
        title: t('team.rankColumn'),
        field: 'rank',
        type: 'numeric',
        align: 'left',
        width: '5%',
        defaultSort: 'asc',
      },
      {
        title: t('team.teamColumn'),
        field: 'name',
        highlight: true,
        customSort: (a, b) => a.name.localeCompare(b.name),
        render: row => (
          <EntityRefLink entityRef={row.entityRef} defaultKind="group">
            {row.name}
          </EntityRefLink>
        ),
      },
      {
        title: t('team.strongKeysColumn'),
        field: 'strongKeys',
        type: 'numeric',
        align: 'left',
        render: row => t('team.strongKeys', { value: String(row.strongKeys) }),
      },
      ...leveledDoraKeys.map(
        (key): TableColumn<TeamRow> => ({
          title: t(`metrics.${key}`),
          field: `scorecard.dora.${key}.value`,
          customSort: (a, b, _type, direction?: 'asc' | 'desc') =>
            compareNullsLast(
              a.scorecard?.dora[key].value,
              b.scorecard?.dora[key].value,
              direction,
            ),
          render: row => <DoraMetricCell metric={row.scorecard?.dora[key]} />,
        }),
      ),
    ],
    [t],
  );

  const emptyContent = useMemo(
    () => (
      <NoticePanel title={t('team.noTeams')} hint={t('team.noTeamsHint')} />
    ),
    [t],
  );

  const title = t('team.teamsHeading');
  const error = teams.error ?? scorecards.error;
  if (error) {
    return (
      <SectionLoadError
        title={title}
        error={error}
        onRetry={teams.error ? teams.retry : scorecards.retry}
      />
    );
  }

  return (
    <Box component="section" aria-label={title}>
      <Table<TeamRow>
        title={title}
        subtitle={t('team.teamsDescription')}
        isLoading={teams.loading || scorecards.loading}
        columns={columns}
        data={rows}
        options={entityTableOptions(rows.length)}
        emptyContent={emptyContent}
      />
    </Box>
  );
};
