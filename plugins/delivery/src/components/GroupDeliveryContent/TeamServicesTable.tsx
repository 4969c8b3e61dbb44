import { Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { doraMetricKeys } from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import { useMemo } from 'react';
import { useDeliveryWindow } from '../../hooks/useDeliveryWindow';
import { deliveryTranslationRef } from '../../translation';
import {
  DoraMetricCell,
  EntityScorecardRow,
  SectionLoadError,
  entityTableOptions,
  NoticePanel,
  compareNullsLast,
  useEntityScorecardRows,
  hasAnyData,
} from '../ScorecardParts';
import { TeamComponentsState } from './useTeamComponents';

type ServiceRow = EntityScorecardRow;

/** Every component the team owns, each with the four keys, its levels and the previous window. */
export const TeamServicesTable = ({
  groupRef,
  components,
}: {
  groupRef: string;
  /** The team's components, loaded once for the whole tab. */
  components: TeamComponentsState;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { window } = useDeliveryWindow();

  const { rows, scorecards } = useEntityScorecardRows(components.value, window);

  const columns = useMemo<TableColumn<ServiceRow>[]>(
    () => [
      {
        title: t('team.serviceColumn'),
        field: 'name',
        highlight: true,
        defaultSort: 'asc',
        customSort: (a, b) => a.name.localeCompare(b.name),
        render: row => (
          <EntityRefLink entityRef={row.entityRef} defaultKind="component">
            {row.name}
          </EntityRefLink>
        ),
      },
      ...doraMetricKeys.map(
        (key): TableColumn<ServiceRow> => ({
          title: t(`metrics.${key}`),
          field: `scorecard.dora.${key}.value`,
          customSort: (a, b, _type, direction?: 'asc' | 'desc') =>
            compareNullsLast(
              a.scorecard?.dora[key].value,
              b.scorecard?.dora[key].value,
              direction,
            ),
          render: row => (
            <DoraMetricCell metric={row.scorecard?.dora[key]} showPrevious />
          ),
        }),
      ),
    ],
    [t],
  );

  const emptyContent = useMemo(
    () => (
      <NoticePanel
        title={t('team.noServices')}
        hint={t('team.noServicesHint', { owner: groupRef })}
      />
    ),
    [t, groupRef],
  );

  const title = t('team.servicesHeading');

  const error = components.error ?? scorecards.error;
  if (error) {
    return (
      <SectionLoadError
        title={title}
        error={error}
        onRetry={components.error ? components.retry : scorecards.retry}
      />
    );
  }

  const loading = components.loading || scorecards.loading;
  const noData =
    !loading &&
    rows.length > 0 &&
    rows.every(
      row => !row.scorecard || !hasAnyData(row.scorecard, doraMetricKeys),
    );

  return (
    <Box component="section" aria-label={title}>
      <Table<ServiceRow>
        title={title}
        subtitle={
          loading ? undefined : t('team.servicesCount', { count: rows.length })
        }
        isLoading={loading}
        columns={columns}
        data={rows}
        options={entityTableOptions(rows.length)}
        emptyContent={emptyContent}
      />
      {noData && (
        <NoticePanel
          title={t('team.noServiceData')}
          hint={t('team.noServiceDataHint')}
        />
      )}
    </Box>
  );
};
