import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  FlowMetricKey,
  MetricValue,
  QualityMetricKey,
  Scorecard,
  flowMetricKeys,
  qualityMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useId } from 'react';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import { TargetStatus } from '../TargetStatus';
import { Trend } from '../Trend';

/** The state of the scorecard request of the selected window. */
export type ScorecardState = {
  loading: boolean;
  error?: Error;
  value?: Scorecard;
};

type Row = { key: FlowMetricKey | QualityMetricKey; metric: MetricValue };

const rowsOf = (scorecard: Scorecard): Row[] => [
  ...flowMetricKeys.map(key => ({ key, metric: scorecard.flow[key] })),
  ...qualityMetricKeys.map(key => ({ key, metric: scorecard.quality[key] })),
];

const MetricRow = ({ row: { key, metric } }: { row: Row }) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatValue } = useMetricFormatter();
  return (
    <TableRow>
      <TableCell component="th" scope="row" role="rowheader">
        {t(`metrics.${key}`)}
      </TableCell>
      <TableCell>
        <Typography variant="body2">
          {formatValue(metric.value, metric.unit)}
        </Typography>
        {metric.p85 !== undefined && metric.p85 !== null && (
          <Typography variant="caption" color="textSecondary" display="block">
            {t('entity.p85', { value: formatValue(metric.p85, metric.unit) })}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <TargetStatus metric={metric} />
      </TableCell>
      <TableCell>
        <Trend metricKey={key} metric={metric} />
      </TableCell>
      <TableCell align="right">
        {t('common.sampleSize', { count: metric.sampleSize })}
      </TableCell>
    </TableRow>
  );
};

/** Flow (cycle time, throughput, WIP, ...) and quality metrics of the window, one row each. */
export const FlowQualityTable = ({
  scorecard,
}: {
  scorecard: ScorecardState;
}) => {
  const headingId = useId();
  const { t } = useTranslationRef(deliveryTranslationRef);

  let body;
  if (scorecard.loading) {
    body = <Progress />;
  } else if (scorecard.error) {
    body = <ResponseErrorPanel error={scorecard.error} />;
  } else if (scorecard.value) {
    const rows = rowsOf(scorecard.value);
    body = rows.every(row => row.metric.sampleSize === 0) ? (
      <Typography variant="body2" color="textSecondary">
        {t('entity.flow.empty')}
      </Typography>
    ) : (
      <Table size="small" aria-labelledby={headingId}>
        <TableHead>
          <TableRow>
            <TableCell>{t('entity.flow.metric')}</TableCell>
            <TableCell>{t('entity.flow.value')}</TableCell>
            <TableCell>{t('entity.flow.target')}</TableCell>
            <TableCell>{t('entity.flow.trend')}</TableCell>
            <TableCell align="right">{t('entity.flow.sampleSize')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <MetricRow key={row.key} row={row} />
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <InfoCard
      title={t('entity.flow.title')}
      titleTypographyProps={{ component: 'h2', id: headingId }}
      variant="gridItem"
    >
      {body}
    </InfoCard>
  );
};
