import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  MetricValue,
  doraMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import { LevelChip } from '../LevelChip';
import { TargetStatus } from '../TargetStatus';
import { Trend } from '../Trend';
import { SummaryMetricKey } from './scorecardMetrics';

const isDora = (key: SummaryMetricKey) =>
  (doraMetricKeys as readonly string[]).includes(key);

/**
 * One metric of a rolled-up scorecard: its value in human units, the DORA level (four keys only),
 * met or missed against the target, the trend and the number of records it was computed from.
 */
export const MetricSummary = ({
  metricKey,
  metric,
}: {
  metricKey: SummaryMetricKey;
  metric: MetricValue;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatValue } = useMetricFormatter();
  const name = t(`metrics.${metricKey}`);
  let percentile: string | undefined;
  if (metric.p90 !== undefined && metric.p90 !== null) {
    percentile = t('team.p90', { value: formatValue(metric.p90, metric.unit) });
  } else if (metric.p85 !== undefined && metric.p85 !== null) {
    percentile = t('team.p85', { value: formatValue(metric.p85, metric.unit) });
  }
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={name}
      style={{ height: '100%' }}
    >
      <Box p={2} display="flex" flexDirection="column" style={{ gap: 6 }}>
        <Typography variant="subtitle2" component="h3">
          {name}
        </Typography>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="h5" component="p">
            {formatValue(metric.value, metric.unit)}
          </Typography>
          {isDora(metricKey) && <LevelChip level={metric.level} />}
        </Box>
        {percentile && (
          <Typography variant="caption" color="textSecondary">
            {percentile}
          </Typography>
        )}
        <TargetStatus metric={metric} />
        <Trend metricKey={metricKey} metric={metric} />
        <Typography variant="caption" color="textSecondary">
          {t('common.sampleSize', { count: metric.sampleSize })}
          {metric.open
            ? ` · ${t('common.openIncidents', { count: metric.open })}`
            : ''}
        </Typography>
      </Box>
    </Paper>
  );
};

/** A grid of metric summaries, one tile per metric. */
export const MetricSummaryGrid = ({
  metrics,
}: {
  metrics: { key: SummaryMetricKey; metric: MetricValue }[];
}) => (
  <Grid container spacing={2}>
    {metrics.map(({ key, metric }) => (
      <Grid item key={key} xs={12} sm={6} md={3}>
        <MetricSummary metricKey={key} metric={metric} />
      </Grid>
    ))}
  </Grid>
);
