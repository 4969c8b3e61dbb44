import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  SloStatus,
  burnRateWindows,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ReactElement, useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useEntitySlos } from '../../hooks/useEntitySlos';
import { deliveryTranslationRef } from '../../translation';
import {
  NoSlos,
  SloAlertChip,
  SloDefinitionErrors,
  useSloFormatter,
} from '../EntitySloCard/EntitySloCard';

/** ResponsiveContainer measures its width but needs a fixed height. */
const CHART_HEIGHT = 180;

const useStyles = makeStyles(theme => ({
  slos: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(3),
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    minWidth: 0,
  },
  caption: {
    display: 'flex',
    flexDirection: 'column',
  },
}));

const tickStyle = (fill: string) => ({ fontSize: 11, fill });

/** A chart with its title and a text summary of what it shows, for everyone who cannot see it. */
const ChartFigure = ({
  sloHeadingId,
  title,
  summary,
  children,
}: {
  sloHeadingId: string;
  title: string;
  summary: string;
  children: ReactElement;
}) => {
  const classes = useStyles();
  const titleId = useId();
  const summaryId = useId();
  return (
    <figure
      className={classes.figure}
      aria-labelledby={`${sloHeadingId} ${titleId}`}
      aria-describedby={summaryId}
    >
      <figcaption className={classes.caption}>
        <Typography id={titleId} variant="subtitle2" component="span">
          {title}
        </Typography>
        <Typography
          id={summaryId}
          variant="caption"
          color="textSecondary"
          component="span"
        >
          {summary}
        </Typography>
      </figcaption>
      <ResponsiveContainer
        width="100%"
        height={CHART_HEIGHT}
        initialDimension={{ width: 320, height: CHART_HEIGHT }}
      >
        {children}
      </ResponsiveContainer>
    </figure>
  );
};

/** The error budget left day by day over the SLO's window; below the line at 0 it is overspent. */
const BurnDownChart = ({
  status,
  sloHeadingId,
}: {
  status: SloStatus;
  sloHeadingId: string;
}) => {
  const theme = useTheme();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatBudgetPercent, language } = useSloFormatter();
  const days = status.definition.windowDays;
  const points = (status.history ?? []).map(point => ({
    at: point.at,
    remaining: point.remaining === null ? null : point.remaining * 100,
  }));
  const known = (status.history ?? []).flatMap(point =>
    point.remaining === null ? [] : [point.remaining],
  );
  const title = t('slo.section.burnDownTitle', { count: days });
  const summary =
    known.length === 0
      ? t('slo.section.burnDownNoData', { count: days })
      : t('slo.section.burnDownSummary', {
          count: days,
          first: formatBudgetPercent(known[0]),
          last: formatBudgetPercent(known[known.length - 1]),
        });
  // Daily points are UTC midnights or the computation time: formatted in UTC to keep their day.
  const shortDate = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const longDate = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  const secondary = theme.palette.text.secondary;
  return (
    <ChartFigure sloHeadingId={sloHeadingId} title={title} summary={summary}>
      <LineChart
        data={points}
        title={title}
        desc={summary}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis
          dataKey="at"
          tickFormatter={(at: string) => shortDate.format(new Date(at))}
          tick={tickStyle(secondary)}
          minTickGap={16}
        />
        <YAxis
          width={48}
          domain={[
            (min: number) => Math.min(0, Math.floor(min)),
            (max: number) => Math.max(100, Math.ceil(max)),
          ]}
          tick={tickStyle(secondary)}
          label={{
            value: t('slo.section.budgetAxis'),
            angle: -90,
            position: 'insideLeft',
            style: tickStyle(secondary),
          }}
        />
        <Tooltip
          labelFormatter={at => longDate.format(new Date(String(at)))}
          formatter={plotted => [
            formatBudgetPercent(Number(plotted) / 100),
            t('slo.errorBudget'),
          ]}
        />
        <ReferenceLine
          y={0}
          stroke={theme.palette.error.main}
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
          label={{
            value: t('slo.section.budgetSpent'),
            position: 'insideBottomRight',
            fontSize: 11,
            fill: secondary,
          }}
        />
        <Line
          type="monotone"
          dataKey="remaining"
          name={t('slo.errorBudget')}
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
};

/** How fast the budget burns now over the six windows; the line at 1 spends it exactly. */
const BurnRateChart = ({
  status,
  sloHeadingId,
}: {
  status: SloStatus;
  sloHeadingId: string;
}) => {
  const theme = useTheme();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatBurnRate, language } = useSloFormatter();
  const bars = burnRateWindows.map(window => ({
    window: t(`slo.windows.${window}`),
    rate: status.burnRates?.[window] ?? null,
  }));
  const title = t('slo.section.burnRatesTitle');
  const summary = t('slo.section.burnRatesSummary', {
    rates: new Intl.ListFormat(language, { type: 'conjunction' }).format(
      bars.map(bar =>
        t('slo.section.burnRateItem', {
          window: bar.window,
          value: formatBurnRate(bar.rate),
        }),
      ),
    ),
  });
  const secondary = theme.palette.text.secondary;
  return (
    <ChartFigure sloHeadingId={sloHeadingId} title={title} summary={summary}>
      <BarChart
        data={bars}
        title={title}
        desc={summary}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis dataKey="window" tick={tickStyle(secondary)} />
        <YAxis
          width={48}
          tick={tickStyle(secondary)}
          label={{
            value: t('slo.section.burnRateAxis'),
            angle: -90,
            position: 'insideLeft',
            style: tickStyle(secondary),
          }}
        />
        <Tooltip
          formatter={rate => [
            formatBurnRate(rate === undefined ? null : Number(rate)),
            t('slo.section.burnRateAxis'),
          ]}
        />
        <ReferenceLine
          y={1}
          stroke={theme.palette.error.main}
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
          label={{
            value: t('slo.section.budgetPace'),
            position: 'insideTopRight',
            fontSize: 11,
            fill: secondary,
          }}
        />
        <Bar
          dataKey="rate"
          name={t('slo.section.burnRateAxis')}
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
};

const SloCharts = ({ status }: { status: SloStatus }) => {
  const classes = useStyles();
  const headingId = useId();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatShare, nameOf } = useSloFormatter();
  const { definition } = status;
  return (
    <section aria-labelledby={headingId}>
      <Box className={classes.header}>
        <Typography id={headingId} variant="subtitle1" component="h3">
          {nameOf(definition)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {t('slo.section.objective', {
            value: formatShare(definition.objective),
          })}
        </Typography>
        <SloAlertChip alert={status.alert} />
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <BurnDownChart status={status} sloHeadingId={headingId} />
        </Grid>
        <Grid item xs={12} md={6}>
          <BurnRateChart status={status} sloHeadingId={headingId} />
        </Grid>
      </Grid>
    </section>
  );
};

/**
 * The SLOs of the entity on the Delivery tab: per SLO the error budget burn-down over its window
 * and the burn rates over the six windows, each chart with a text summary. Loads on its own.
 */
export const SloSection = ({ entityRef }: { entityRef: string }) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { value, loading, error, slos, errors } = useEntitySlos(entityRef);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    body = (
      <Box className={classes.slos}>
        <SloDefinitionErrors errors={errors} />
        {slos.length === 0 && errors.length === 0 && <NoSlos />}
        {slos.map((status, index) => (
          <SloCharts
            key={`${status.definition.name}-${index}`}
            status={status}
          />
        ))}
      </Box>
    );
  }

  return (
    <InfoCard
      title={t('slo.section.title')}
      subheader={t('slo.section.description')}
      titleTypographyProps={{ component: 'h2' }}
    >
      {body}
    </InfoCard>
  );
};
