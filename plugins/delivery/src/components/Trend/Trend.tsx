import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  MetricValue,
  TimeSeriesMetric,
  metricDirections,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import TrendingDownIcon from '@material-ui/icons/TrendingDown';
import TrendingFlatIcon from '@material-ui/icons/TrendingFlat';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';

const trendIcons = [TrendingDownIcon, TrendingFlatIcon, TrendingUpIcon];

const trendColor = (better: boolean | null) => {
  if (better === null) {
    return 'inherit';
  }
  return better ? 'primary' : 'error';
};

/** The change against the previous window: direction, whether that is better, and the old value. */
export const Trend = ({
  metricKey,
  metric,
}: {
  metricKey: TimeSeriesMetric;
  metric: MetricValue;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatValue } = useMetricFormatter();
  const { value } = metric;
  const previous = metric.previous.value;
  if (value === null || previous === null) {
    return (
      <Typography variant="caption" color="textSecondary">
        {t('common.noPrevious')}
      </Typography>
    );
  }
  const direction = Math.sign(value - previous);
  const better =
    direction === 0
      ? null
      : direction > 0 === (metricDirections[metricKey] === 'higher');
  const Icon = trendIcons[direction + 1];
  let verdict: string = t('common.trendSame');
  if (better !== null) {
    verdict = better ? t('common.trendBetter') : t('common.trendWorse');
  }
  return (
    <Box display="flex" alignItems="center" style={{ gap: 4 }}>
      <Icon fontSize="small" aria-hidden color={trendColor(better)} />
      <Typography variant="caption" title={verdict}>
        {t('common.previous', { value: formatValue(previous, metric.unit) })}
        <span style={{ position: 'absolute', left: -10000 }}>{verdict}</span>
      </Typography>
    </Box>
  );
};
