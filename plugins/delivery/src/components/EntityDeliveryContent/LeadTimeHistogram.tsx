import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ScorecardRecords } from '@delivery-insights/backstage-plugin-delivery-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useId } from 'react';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import { bucketLeadTimes } from './leadTimeBuckets';

const useStyles = makeStyles(theme => ({
  header: {
    whiteSpace: 'nowrap',
  },
  barCell: {
    width: '60%',
  },
  bar: {
    height: theme.spacing(2),
    minWidth: 2,
    backgroundColor: theme.palette.primary.main,
    borderRadius: theme.shape.borderRadius,
  },
  emptyBar: {
    height: theme.spacing(2),
  },
  count: {
    fontVariantNumeric: 'tabular-nums',
  },
}));

/** The state of the records request, shared with the record lists. */
export type RecordsState = {
  loading: boolean;
  error?: Error;
  value?: ScorecardRecords;
};

/**
 * How long changes took from first commit to production in the window, as a histogram: a table
 * of counts per bucket with a bar each, so the numbers are readable by everyone.
 */
export const LeadTimeHistogram = ({ records }: { records: RecordsState }) => {
  const classes = useStyles();
  const headingId = useId();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatNumber } = useMetricFormatter();

  let body;
  if (records.loading) {
    body = <Progress />;
  } else if (records.error) {
    body = <ResponseErrorPanel error={records.error} />;
  } else if (records.value && records.value.changes.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {t('entity.histogram.empty')}
      </Typography>
    );
  } else if (records.value) {
    const { changes } = records.value;
    const buckets = bucketLeadTimes(changes.map(c => c.leadTimeHours));
    const largest = Math.max(...buckets.map(bucket => bucket.count));
    body = (
      <>
        <Typography variant="body2" gutterBottom>
          {t('entity.histogram.changeCount', { count: changes.length })}
        </Typography>
        <Table size="small" aria-labelledby={headingId}>
          <TableHead>
            <TableRow>
              <TableCell className={classes.header}>
                {t('entity.histogram.bucket')}
              </TableCell>
              <TableCell align="right" className={classes.header}>
                {t('entity.histogram.changes')}
              </TableCell>
              <TableCell className={classes.barCell} aria-hidden />
            </TableRow>
          </TableHead>
          <TableBody>
            {buckets.map(bucket => (
              <TableRow key={bucket.key}>
                <TableCell component="th" scope="row" role="rowheader">
                  {t(`entity.histogram.${bucket.key}`)}
                </TableCell>
                <TableCell align="right" className={classes.count}>
                  {formatNumber(bucket.count)}
                </TableCell>
                <TableCell className={classes.barCell} aria-hidden>
                  <div
                    className={bucket.count ? classes.bar : classes.emptyBar}
                    style={{
                      width: bucket.count
                        ? `${(bucket.count / largest) * 100}%`
                        : 0,
                    }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }

  return (
    <InfoCard
      title={t('entity.histogram.title')}
      subheader={t('entity.histogram.description')}
      titleTypographyProps={{ component: 'h2', id: headingId }}
      variant="gridItem"
    >
      {body}
    </InfoCard>
  );
};
