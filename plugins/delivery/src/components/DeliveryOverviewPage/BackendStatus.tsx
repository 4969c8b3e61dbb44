import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useId } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { deliveryApiRef } from '../../api';
import { deliveryTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../ScorecardParts';

/**
 * The backend's health in one line, as the status page shows it: reachable or not, its database
 * and its provider modules.
 */
export const BackendStatus = () => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const deliveryApi = useApi(deliveryApiRef);
  const headingId = useId();
  const { value, loading, error, retry } = useAsyncRetry(
    () => deliveryApi.getHealth(),
    [deliveryApi],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <LoadErrorPanel error={error} onRetry={retry} />;
  } else if (value) {
    body = (
      <>
        <Typography variant="body2">
          {[
            t('team.backendStatus', { status: value.status }),
            t('team.backendDatabase', { database: value.database }),
            t('team.backendProviders', {
              providers: value.providers.length
                ? value.providers.join(', ')
                : t('team.backendNoneInstalled'),
            }),
          ].join(' · ')}
        </Typography>
        {value.providers.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            {t('team.backendNoProvidersHint')}
          </Typography>
        )}
      </>
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h6" component="h2" id={headingId}>
        {t('team.backendHeading')}
      </Typography>
      {body}
    </Box>
  );
};
