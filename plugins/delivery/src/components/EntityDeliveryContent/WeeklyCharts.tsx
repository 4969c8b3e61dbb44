import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  DoraMetricKey,
  MetricTarget,
  MetricWindow,
  doraMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Grid from '@material-ui/core/Grid';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useId, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { deliveryApiRef } from '../../api';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import {
  CHART_WEEKS,
  chartUnitFor,
  doraMetricUnits,
  lastWeeksWindow,
  latestValue,
  toChartPoints,
} from './weeklySeries';

/** ResponsiveContainer measures its width but needs a fixed height. */
const CHART_HEIGHT = 180;

const useStyles = makeStyles(theme => ({
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    minWidth: 0,
  },
}));

type MetricWeeklyChartProps = {
  entityRef: string;
  metric: DoraMetricKey;
  window: MetricWindow;
  target: MetricTarget | null;
};

/** One DORA key week by week, with the target as a dashed line and a text summary. */
const MetricWeeklyChart = ({
  entityRef,
  metric,
  window,
  target,
}: MetricWeeklyChartProps) => {
  const classes = useStyles();
  const theme = useTheme();
  const titleId = useId();
  const summaryId = useId();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatNumber, language } = useMetricFormatter();
  const deliveryApi = useApi(deliveryApiRef);
  const { value, loading, error } = useAsync(
    () =>
      deliveryApi.getTimeSeries(entityRef, metric, {
        ...window,
        bucket: 'week',
      }),
    [deliveryApi, entityRef, metric, window.from, window.to],
  );

  const chart = useMemo(() => {
    if (!value) {
      return undefined;
    }
    const unit = chartUnitFor(
      doraMetricUnits[metric],
      value.points.map(point => point.value),
    );
    const points = toChartPoints(value.points, unit);
    return { unit, points, latest: latestValue(points) };
  }, [value, metric]);

  // Week starts are UTC midnights: formatted in UTC so that they stay Mondays everywhere.
  const shortDate = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const longDate = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (chart) {
    const { unit, points, latest } = chart;
    const formatPlotted = (plotted: number) =>
      t(unit.valueKey, { value: formatNumber(plotted) });
    const summary =
      latest === null
        ? t('entity.charts.summaryNoData', { count: points.length })
        : t('entity.charts.summary', {
            count: points.length,
            value: formatPlotted(latest),
          });
    body = (
      <>
        <Typography id={summaryId} variant="caption" color="textSecondary">
          {summary}
        </Typography>
        <ResponsiveContainer
          width="100%"
          height={CHART_HEIGHT}
          initialDimension={{ width: 320, height: CHART_HEIGHT }}
        >
          <LineChart
            data={points}
            title={t(`metrics.${metric}`)}
            desc={summary}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              stroke={theme.palette.divider}
            />
            <XAxis
              dataKey="weekStart"
              tickFormatter={(weekStart: string) =>
                shortDate.format(new Date(weekStart))
              }
              tick={{ fontSize: 11, fill: theme.palette.text.secondary }}
              minTickGap={16}
            />
            <YAxis
              width={48}
              tickFormatter={(tick: number) => formatNumber(tick)}
              tick={{ fontSize: 11, fill: theme.palette.text.secondary }}
              label={{
                value: t(`entity.charts.${unit.axisKey}`),
                angle: -90,
                position: 'insideLeft',
                style: { fontSize: 11, fill: theme.palette.text.secondary },
              }}
            />
            <Tooltip
              labelFormatter={weekStart =>
                t('entity.charts.weekOf', {
                  date: longDate.format(new Date(String(weekStart))),
                })
              }
              formatter={(plotted, _name, item) => [
                `${formatPlotted(Number(plotted))} (${t('common.sampleSize', {
                  count: (item.payload as { sampleSize: number }).sampleSize,
                })})`,
                t(`metrics.${metric}`),
              ]}
            />
            {target && (
              <ReferenceLine
                y={target.threshold * unit.factor}
                stroke={theme.palette.text.secondary}
                strokeDasharray="6 4"
                ifOverflow="extendDomain"
                label={{
                  value: t('entity.charts.target'),
                  position: 'insideTopRight',
                  fontSize: 11,
                  fill: theme.palette.text.secondary,
                }}
              />
            )}
            <Line
              type="monotone"
              dataKey="value"
              name={t(`metrics.${metric}`)}
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </>
    );
  }

  return (
    <figure
      className={classes.figure}
      aria-labelledby={titleId}
      aria-describedby={chart ? summaryId : undefined}
    >
      <Typography id={titleId} variant="subtitle1" component="h3">
        {t(`metrics.${metric}`)}
      </Typography>
      {body}
    </figure>
  );
};

/**
 * The four DORA keys over the last six months, one point per week, whatever window is selected:
 * a trend over half a year next to the numbers of the window. Each chart loads on its own.
 */
export const WeeklyCharts = ({
  entityRef,
  targets,
}: {
  entityRef: string;
  /** The targets to draw, from the scorecard; charts draw without them until it loads. */
  targets?: Partial<Record<DoraMetricKey, { target: MetricTarget | null }>>;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  // Fixed once per mount, so re-renders do not ask for a new window every time.
  const [window] = useState(() => lastWeeksWindow(new Date(), CHART_WEEKS));
  return (
    <InfoCard
      title={t('entity.charts.title')}
      subheader={t('entity.charts.description')}
      titleTypographyProps={{ component: 'h2' }}
    >
      <Grid container spacing={3}>
        {doraMetricKeys.map(metric => (
          <Grid item xs={12} md={6} key={metric}>
            <MetricWeeklyChart
              entityRef={entityRef}
              metric={metric}
              window={window}
              target={targets?.[metric]?.target ?? null}
            />
          </Grid>
        ))}
      </Grid>
    </InfoCard>
  );
};
