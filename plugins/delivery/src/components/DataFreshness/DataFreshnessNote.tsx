import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../api';
import { formatTimeAgo } from '../../format/relativeTime';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import { dataFreshness } from './dataFreshness';

const useStyles = makeStyles(theme => ({
  problem: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.warning.dark,
  },
}));

/**
 * "Data as of 5 minutes ago from github, pagerduty", and each provider whose last sync failed or
 * skipped records. Nothing while loading, and nothing for an entity no provider syncs (records
 * pushed to the ingestion API have no sync status).
 */
export const DataFreshnessNote = ({ entityRef }: { entityRef: string }) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { language } = useMetricFormatter();
  const deliveryApi = useApi(deliveryApiRef);
  const { value, error } = useAsync(
    () => deliveryApi.getSyncStatus(entityRef),
    [deliveryApi, entityRef],
  );

  if (error) {
    return (
      <Typography variant="caption" color="textSecondary" component="p">
        {t('sync.unavailable')}
      </Typography>
    );
  }
  if (!value || value.length === 0) {
    return null;
  }
  const now = new Date();
  const { asOf, sources, problems } = dataFreshness(value);
  return (
    <Box mt={1} role="status">
      {asOf && (
        <Typography variant="caption" color="textSecondary" component="p">
          {t('sync.dataAsOf', {
            time: formatTimeAgo(asOf, now, language),
            sources: sources.join(', '),
          })}
        </Typography>
      )}
      {problems.map(problem => (
        <Typography
          key={`${problem.kind}-${problem.provider}`}
          variant="caption"
          component="p"
          className={classes.problem}
        >
          <WarningIcon fontSize="inherit" aria-hidden />
          {problem.kind === 'failed' &&
            t('sync.failed', {
              provider: problem.provider,
              time: formatTimeAgo(problem.at, now, language),
              message: problem.message,
            })}
          {problem.kind === 'never' &&
            t('sync.never', { provider: problem.provider })}
          {problem.kind === 'skipped' &&
            t('sync.skipped', {
              provider: problem.provider,
              count: problem.count,
            })}
        </Typography>
      ))}
    </Box>
  );
};
