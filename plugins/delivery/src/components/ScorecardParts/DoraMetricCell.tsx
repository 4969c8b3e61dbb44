import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { MetricValue } from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import { LevelChip } from '../LevelChip';

/** A table cell for one DORA metric: value in human units, level, and optionally the previous value. */
export const DoraMetricCell = ({
  metric,
  showPrevious = false,
}: {
  metric: MetricValue | undefined;
  showPrevious?: boolean;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatValue } = useMetricFormatter();
  if (!metric) {
    return <Typography variant="body2">{t('common.noValue')}</Typography>;
  }
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-start">
      <Box display="flex" alignItems="center" style={{ gap: 6 }}>
        <Typography variant="body2">
          {formatValue(metric.value, metric.unit)}
        </Typography>
        <LevelChip level={metric.level} />
      </Box>
      {showPrevious && (
        <Typography variant="caption" color="textSecondary">
          {t('team.previousShort', {
            value: formatValue(metric.previous.value, metric.unit),
          })}
        </Typography>
      )}
    </Box>
  );
};
