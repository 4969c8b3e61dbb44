import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import {
  DoraMetricKey,
  Scorecard,
  doraMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../api';
import { useDeliveryWindow } from '../../hooks/useDeliveryWindow';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { rootRouteRef } from '../../routes';
import { deliveryTranslationRef } from '../../translation';
import { LevelChip } from '../LevelChip';
import { TargetStatus } from '../TargetStatus';
import { Trend } from '../Trend';
import { WindowSelector } from '../WindowSelector';
import { DataFreshnessNote } from '../DataFreshness';

/** Where the ingestion API takes records from CI and other sources; named in the empty state. */
export const INGESTION_ENDPOINT = 'POST /api/delivery/events';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: theme.spacing(2),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    minWidth: 0,
  },
  value: {
    fontWeight: theme.typography.fontWeightBold as number,
    lineHeight: 1.2,
  },
  open: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.warning.dark,
  },
}));

/**
 * The keys the card shows: the DORA five, time to restore (the brief's MTTR) in the place of
 * failed deployment recovery time, which its tile shows beneath it.
 */
export const doraCardKeys = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'timeToRestore',
  'reworkRate',
] as const satisfies readonly DoraMetricKey[];

/** Whether nothing at all was recorded for the DORA keys in the window. */
export const hasNoDoraData = (scorecard: Scorecard) =>
  doraMetricKeys.every(key => scorecard.dora[key].sampleSize === 0) &&
  !scorecard.dora.timeToRestore.open;

const DoraTile = ({
  metricKey,
  scorecard,
}: {
  metricKey: DoraMetricKey;
  scorecard: Scorecard;
}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatValue } = useMetricFormatter();
  const metric = scorecard.dora[metricKey];
  const open = metric.open ?? 0;
  const recovery = scorecard.dora.failedDeploymentRecoveryTime;
  const days = scorecard.dora.deploymentDaysPerWeek;
  return (
    <li className={classes.tile}>
      <Typography variant="subtitle2" component="h3">
        {t(`metrics.${metricKey}`)}
      </Typography>
      <Typography variant="h5" component="p" className={classes.value}>
        {formatValue(metric.value, metric.unit)}
      </Typography>
      {metric.statistic && (
        <Typography variant="caption" color="textSecondary">
          {t(`entity.statistic.${metric.statistic}`)}
        </Typography>
      )}
      {metric.p90 !== undefined && metric.p90 !== null && (
        <Typography variant="caption" color="textSecondary">
          {t('entity.p90', { value: formatValue(metric.p90, metric.unit) })}
        </Typography>
      )}
      {metricKey === 'deploymentFrequency' && days.value !== null && (
        <Typography variant="caption" color="textSecondary">
          {t('entity.deploymentDays', {
            value: formatValue(days.value, 'count'),
          })}
        </Typography>
      )}
      <LevelChip level={metric.level} />
      <TargetStatus metric={metric} />
      <Trend metricKey={metricKey} metric={metric} />
      <Typography variant="caption" color="textSecondary">
        {t('common.sampleSize', { count: metric.sampleSize })}
      </Typography>
      {metricKey === 'timeToRestore' && open > 0 && (
        <Typography variant="caption" component="p" className={classes.open}>
          <WarningIcon fontSize="inherit" aria-hidden />
          {t('common.openIncidents', { count: open })}
        </Typography>
      )}
      {metricKey === 'timeToRestore' &&
        (recovery.sampleSize > 0 || (recovery.open ?? 0) > 0) && (
          <Typography variant="caption" color="textSecondary">
            {t('entity.recovery', {
              statistic: t(
                `entity.statistic.${recovery.statistic ?? 'median'}`,
              ).toLocaleLowerCase(),
              value: formatValue(recovery.value, recovery.unit),
            })}
            {(recovery.open ?? 0) > 0 &&
              `; ${t('common.openRecoveries', { count: recovery.open ?? 0 })}`}
          </Typography>
        )}
    </li>
  );
};

/** The definitions behind the numbers, with the data-quality counts of the window. */
const HowComputed = ({ scorecard }: { scorecard: Scorecard }) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatValue } = useMetricFormatter();
  const { calendar, dataQuality } = scorecard;
  const excluded =
    dataQuality.excludedChanges.merged_before_first_commit +
    dataQuality.excludedChanges.deployed_before_first_commit;
  return (
    <Box component="details" mt={2}>
      <Typography component="summary" variant="body2">
        {t('entity.howComputed.title')}
      </Typography>
      <Typography variant="caption" component="p" color="textSecondary">
        {t('entity.howComputed.calendar', {
          workingDays: formatValue(calendar.workingDaysInWindow, 'count'),
          timeZone: calendar.timeZone,
          holidays:
            calendar.holidays.length > 0
              ? calendar.holidays.join(', ')
              : t('entity.howComputed.noHolidays'),
        })}
      </Typography>
      <Typography variant="caption" component="p" color="textSecondary">
        {t('entity.howComputed.statistics')}
      </Typography>
      <Typography variant="caption" component="p" color="textSecondary">
        {t('entity.howComputed.incidents', {
          declared: String(dataQuality.incidents.declared),
          inferred: String(dataQuality.incidents.inferred),
          none: String(dataQuality.incidents.none),
          hours: String(dataQuality.attributionWindowHours),
        })}
      </Typography>
      <Typography variant="caption" component="p" color="textSecondary">
        {t('entity.howComputed.deployments', {
          count: dataQuality.deploymentsWithoutChanges,
        })}
      </Typography>
      <Typography variant="caption" component="p" color="textSecondary">
        {t('entity.howComputed.excluded', { count: excluded })}
      </Typography>
    </Box>
  );
};

const NoDoraData = ({ scorecard }: { scorecard: Scorecard }) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { language } = useMetricFormatter();
  const overview = useRouteRef(rootRouteRef);
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      <Typography variant="body1">
        {t('entity.noData', {
          from: dateFormat.format(new Date(scorecard.window.from)),
          to: dateFormat.format(new Date(scorecard.window.to)),
        })}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {t('entity.howToConnect', { endpoint: INGESTION_ENDPOINT })}
      </Typography>
      <Typography variant="body2">
        <Link href={overview?.() ?? '/delivery'}>{t('common.docsLink')}</Link>
      </Typography>
    </Box>
  );
};

/**
 * Props of {@link EntityDoraScorecardCard}.
 *
 * @public
 */
export type EntityDoraScorecardCardProps = {
  /** `gridItem` stretches the card to the height of its row, next to other overview cards. */
  variant?: 'gridItem';
};

/**
 * The DORA keys of the current entity over the window in the URL: value in human units, the
 * statistic used, level, target, trend against the previous window and sample size, as a compact
 * grid, with how the numbers are computed and the data-quality counts beneath.
 */
export const EntityDoraScorecardCard = ({
  variant,
}: EntityDoraScorecardCardProps = {}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const deliveryApi = useApi(deliveryApiRef);
  const { window } = useDeliveryWindow();
  const { value, loading, error } = useAsync(
    () => deliveryApi.getScorecard(entityRef, window),
    [deliveryApi, entityRef, window.from, window.to],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value && hasNoDoraData(value)) {
    body = <NoDoraData scorecard={value} />;
  } else if (value) {
    body = (
      <>
        <ul className={classes.grid} aria-label={t('entity.cardTitle')}>
          {doraCardKeys.map(key => (
            <DoraTile key={key} metricKey={key} scorecard={value} />
          ))}
        </ul>
        <HowComputed scorecard={value} />
      </>
    );
  }

  return (
    <InfoCard
      title={t('entity.cardTitle')}
      titleTypographyProps={{ component: 'h2' }}
      action={<WindowSelector />}
      variant={variant}
    >
      {body}
      {!loading && <DataFreshnessNote entityRef={entityRef} />}
    </InfoCard>
  );
};
