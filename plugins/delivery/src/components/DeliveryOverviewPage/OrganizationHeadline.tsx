import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { doraMetricKeys } from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
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
  hasAnyData,
} from '../ScorecardParts';

/** The four keys over every record of the organisation (computed by the backend, not averaged). */
export const OrganizationHeadline = () => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const deliveryApi = useApi(deliveryApiRef);
  const { window } = useDeliveryWindow();
  const headingId = useId();
  const { value, loading, error, retry } = useAsyncRetry(
    () => deliveryApi.getOrganizationScorecard(window),
    [deliveryApi, window],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <LoadErrorPanel error={error} onRetry={retry} />;
  } else if (value && !hasAnyData(value, doraMetricKeys)) {
    body = (
      <NoticePanel
        title={t('team.noOrganizationData')}
        hint={t('team.noOrganizationDataHint')}
      />
    );
  } else if (value) {
    body = (
      <MetricSummaryGrid
        metrics={doraMetricKeys.map(key => ({
          key,
          metric: value.dora[key],
        }))}
      />
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h5" component="h2" id={headingId}>
        {t('team.organizationHeading')}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('team.organizationDescription')}
      </Typography>
      {body}
    </Box>
  );
};
