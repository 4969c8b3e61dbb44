import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { MetricValue } from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';

/** Met or missed against the team's target, in words, with the target itself. */
export const TargetStatus = ({ metric }: { metric: MetricValue }) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatTarget } = useMetricFormatter();
  if (!metric.target) {
    return (
      <Typography variant="caption" color="textSecondary">
        {t('common.noTarget')}
      </Typography>
    );
  }
  const target = t('common.target', {
    target: formatTarget(metric.target, metric.unit),
  });
  if (metric.met === null) {
    return (
      <Typography variant="caption" color="textSecondary">
        {target}
      </Typography>
    );
  }
  const Icon = metric.met ? CheckCircleIcon : CancelIcon;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 4 }}>
      <Icon
        fontSize="small"
        color={metric.met ? 'primary' : 'error'}
        aria-hidden
      />
      <Typography variant="caption">
        {metric.met ? t('common.targetMet') : t('common.targetMissed')} ·{' '}
        {target}
      </Typography>
    </Box>
  );
};
