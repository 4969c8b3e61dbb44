import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useId } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { deliveryApiRef } from '../../api';
import { useDeliveryWindow } from '../../hooks/useDeliveryWindow';
import { deliveryTranslationRef } from '../../translation';
import {
  LoadErrorPanel,
  MetricSummaryGrid,
  NoticePanel,
  entityDisplayName,
  hasAnyData,
  metricOf,
  teamScorecardMetricKeys,
} from '../ScorecardParts';
import { ReportDownload } from '../ReportDownload';
import { TeamRunbookGaps } from '../TeamRunbookGaps';
import { WindowSelector } from '../WindowSelector';
import { TeamServicesTable } from './TeamServicesTable';
import { TeamSlosAtRisk, TeamSlosAtRiskFrame } from './TeamSlosAtRisk';
import { useTeamComponents } from './useTeamComponents';

/** The team's own scorecard, rolled up by the backend from the records of everything it owns. */
const TeamScorecard = ({
  groupRef,
  teamName,
}: {
  groupRef: string;
  teamName: string;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const deliveryApi = useApi(deliveryApiRef);
  const { window } = useDeliveryWindow();
  const headingId = useId();
  const { value, loading, error, retry } = useAsyncRetry(
    () => deliveryApi.getScorecard(groupRef, window),
    [deliveryApi, groupRef, window],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <LoadErrorPanel error={error} onRetry={retry} />;
  } else if (value && !hasAnyData(value, teamScorecardMetricKeys)) {
    body = (
      <NoticePanel
        title={t('team.noTeamData')}
        hint={t('team.noTeamDataHint')}
      />
    );
  } else if (value) {
    body = (
      <MetricSummaryGrid
        metrics={teamScorecardMetricKeys.map(key => ({
          key,
          metric: metricOf(value, key),
        }))}
      />
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h5" component="h2" id={headingId}>
        {t('team.title')}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('team.rollupDescription', { team: teamName })}
      </Typography>
      {body}
    </Box>
  );
};

/**
 * The Delivery tab of a Group page: the team's rolled-up scorecard over the chosen window, the
 * SLOs at risk across its services now, then every component the team owns with its four keys.
 * The team's components are asked of the catalog once and shared by both lists.
 *
 * @public
 */
export const GroupDeliveryContent = () => {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const teamName = entityDisplayName(entity);
  const components = useTeamComponents(groupRef);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box
          display="flex"
          justifyContent="flex-end"
          alignItems="center"
          gridGap={16}
        >
          <ReportDownload entity={entity} />
          <WindowSelector />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <TeamScorecard groupRef={groupRef} teamName={teamName} />
      </Grid>
      <Grid item xs={12}>
        {components.value ? (
          <TeamSlosAtRisk components={components.value} />
        ) : (
          <TeamSlosAtRiskFrame>
            {components.error ? (
              <LoadErrorPanel
                error={components.error}
                onRetry={components.retry}
              />
            ) : (
              <Progress />
            )}
          </TeamSlosAtRiskFrame>
        )}
      </Grid>
      <Grid item xs={12}>
        <TeamServicesTable groupRef={groupRef} components={components} />
      </Grid>
      <Grid item xs={12}>
        <TeamRunbookGaps components={components} />
      </Grid>
    </Grid>
  );
};
