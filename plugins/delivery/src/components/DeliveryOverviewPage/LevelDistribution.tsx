import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { DoraMetricKey } from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import { Theme, useTheme } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { Bar, BarChart, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import {
  DistributionBucket,
  LevelCounts,
  distributionBuckets,
} from './levelDistribution';
import { leveledDoraKeys } from '../ScorecardParts/scorecardMetrics';

/** The colours of LevelChip, so that the chart and the chips agree. */
const bucketColors = (theme: Theme): Record<DistributionBucket, string> => ({
  elite: theme.palette.success.dark,
  high: theme.palette.success.light,
  medium: theme.palette.warning.light,
  low: theme.palette.error.dark,
  none: theme.palette.grey[400],
});

const useBucketLabel = () => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  return (bucket: DistributionBucket) =>
    bucket === 'none' ? t('team.noData') : t(`levels.${bucket}`);
};

/**
 * How the services spread over the DORA levels of each key: a stacked horizontal bar per metric,
 * described in words for assistive technology, with the same numbers in a table below.
 */
export const LevelDistribution = ({
  distribution,
}: {
  distribution: Record<DoraMetricKey, LevelCounts>;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatNumber } = useMetricFormatter();
  const theme = useTheme();
  const colors = bucketColors(theme);
  const bucketLabel = useBucketLabel();
  const tick = {
    fill: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  };

  const data = leveledDoraKeys.map(key => ({
    metric: t(`metrics.${key}`),
    ...distribution[key],
  }));
  const summary = leveledDoraKeys
    .map(key =>
      t('team.distributionSummary', {
        metric: t(`metrics.${key}`),
        elite: formatNumber(distribution[key].elite),
        high: formatNumber(distribution[key].high),
        medium: formatNumber(distribution[key].medium),
        low: formatNumber(distribution[key].low),
        none: formatNumber(distribution[key].none),
      }),
    )
    .join('. ');

  return (
    <Box>
      <Box role="img" aria-label={summary}>
        <BarChart
          responsive
          layout="vertical"
          data={data}
          style={{ width: '100%', height: 280 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <XAxis type="number" allowDecimals={false} tick={tick} />
          <YAxis type="category" dataKey="metric" width={200} tick={tick} />
          <Tooltip />
          <Legend
            itemSorter={item =>
              distributionBuckets.indexOf(item.dataKey as DistributionBucket)
            }
            formatter={name => (
              <span style={{ color: theme.palette.text.primary }}>{name}</span>
            )}
          />
          {distributionBuckets.map(bucket => (
            <Bar
              key={bucket}
              dataKey={bucket}
              name={bucketLabel(bucket)}
              stackId="services"
              fill={colors[bucket]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </Box>
      <Table size="small" aria-label={t('team.distributionTableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {t('team.metricColumn')}
            </TableCell>
            {distributionBuckets.map(bucket => (
              <TableCell key={bucket} component="th" scope="col" align="right">
                {bucketLabel(bucket)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {leveledDoraKeys.map(key => (
            <TableRow key={key}>
              <TableCell component="th" scope="row" role="rowheader">
                {t(`metrics.${key}`)}
              </TableCell>
              {distributionBuckets.map(bucket => (
                <TableCell key={bucket} align="right">
                  {formatNumber(distribution[key][bucket])}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
