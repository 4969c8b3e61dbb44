import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  SloAlertState,
  SloDefinition,
  SloDefinitionError,
  SloStatus,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import { ReactNode, useId } from 'react';
import { relativeTimeUnit } from '../../format/relativeTime';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { useEntitySlos } from '../../hooks/useEntitySlos';
import { deliveryTranslationRef } from '../../translation';
import { NoticePanel } from '../ScorecardParts';

/** The annotation SLOs are defined in, and where its format is described; named in the empty state. */
export const SLO_ANNOTATION = 'delivery-insights.io/slos';
export const SLO_DOCS = 'docs/slo.md';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  slo: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    minWidth: 0,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
    gap: theme.spacing(1, 2),
    margin: 0,
  },
  fact: {
    minWidth: 0,
  },
  term: {
    ...theme.typography.caption,
    color: theme.palette.text.secondary,
  },
  definition: {
    margin: 0,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  bar: {
    height: theme.spacing(1),
    borderRadius: theme.shape.borderRadius,
  },
  barHealthy: {
    backgroundColor: theme.palette.success.main,
  },
  barLow: {
    backgroundColor: theme.palette.warning.main,
  },
  barOverspent: {
    backgroundColor: theme.palette.error.light,
  },
  overspent: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  page: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  ticket: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.getContrastText(theme.palette.warning.main),
  },
  ok: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.getContrastText(theme.palette.success.main),
  },
  no_data: {},
  warnings: {
    padding: theme.spacing(1, 1.5),
    borderLeft: `4px solid ${theme.palette.warning.main}`,
    backgroundColor: theme.palette.background.default,
  },
  warningTitle: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.warning.dark,
  },
  warningList: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(3),
  },
}));

/**
 * A share of the budget left below which the bar turns to a warning, and below which the team's
 * Delivery tab lists the SLO as at risk.
 */
export const LOW_BUDGET = 0.25;

/**
 * Picks a unit for the time until `to` and marks the number as approximate, in the user's
 * language: "in ~3 days", "через ~3 дня".
 */
export function approximateRelativeTime(
  from: Date,
  to: Date,
  language: string,
): string {
  const { value, unit } = relativeTimeUnit(to.getTime() - from.getTime());
  let marked = false;
  return new Intl.RelativeTimeFormat(language, { numeric: 'always' })
    .formatToParts(value, unit)
    .map(part => {
      if (part.type === 'literal' || marked) {
        return part.value;
      }
      marked = true;
      return `~${part.value}`;
    })
    .join('');
}

/** Formats the numbers of an SLO in the user's language; shared by the card and the Delivery tab. */
export function useSloFormatter() {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatNumber, language } = useMetricFormatter();

  /** A share such as an objective or an attainment in percent, with up to 3 decimals: 99.95 %. */
  const formatShare = (share: number | null) => {
    if (share === null || !Number.isFinite(share)) {
      return t('common.noValue');
    }
    // Rounded to 12 significant digits first, so that 99.99749999999999 reads 99.998, not 99.997.
    const value = new Intl.NumberFormat(language, {
      maximumFractionDigits: 3,
    }).format(Number((share * 100).toPrecision(12)));
    return t('units.percent', { value });
  };

  /** A share of the budget in percent, as plotted: 62 %, -12 %. */
  const formatBudgetPercent = (remaining: number) =>
    t('units.percent', { value: formatNumber(remaining * 100) });

  const formatRemaining = (remaining: number | null) => {
    if (remaining === null) {
      return t('slo.budgetNoData');
    }
    if (remaining < 0) {
      return t('slo.budgetOverspent', {
        value: formatNumber(-remaining * 100),
      });
    }
    return t('slo.budgetLeft', { value: formatNumber(remaining * 100) });
  };

  const formatBurnRate = (rate: number | null | undefined) =>
    rate === null || rate === undefined
      ? t('common.noValue')
      : t('slo.burnRateValue', { value: formatNumber(rate) });

  /** When the budget runs out at the current burn rate, from when the statuses were computed. */
  const formatForecast = (status: SloStatus, at: string) => {
    if (status.remaining !== null && status.remaining <= 0) {
      return t('slo.forecast.exhausted');
    }
    if (!status.exhaustionAt) {
      return t('slo.forecast.notExhausting');
    }
    const until = new Date(status.exhaustionAt);
    const now = new Date(at);
    if (until.getTime() <= now.getTime()) {
      return t('slo.forecast.exhausted');
    }
    return t('slo.forecast.exhausts', {
      when: approximateRelativeTime(now, until, language),
    });
  };

  return {
    language,
    formatShare,
    formatBudgetPercent,
    formatRemaining,
    formatBurnRate,
    formatForecast,
    nameOf: (definition: SloDefinition) =>
      definition.displayName || definition.name,
  };
}

/** The multi-window multi-burn-rate alert state in words; the colour only repeats it. */
export const SloAlertChip = ({ alert }: { alert: SloAlertState }) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  return (
    <Chip
      size="small"
      className={classes[alert]}
      label={t(`slo.alerts.${alert}`)}
      variant={alert === 'no_data' ? 'outlined' : 'default'}
    />
  );
};

/** The definitions the backend could not read, with its message: the rest of the card still shows. */
export const SloDefinitionErrors = ({
  errors,
}: {
  errors: SloDefinitionError[];
}) => {
  const classes = useStyles();
  const titleId = useId();
  const { t } = useTranslationRef(deliveryTranslationRef);
  if (errors.length === 0) {
    return null;
  }
  return (
    <Box className={classes.warnings}>
      <Typography
        id={titleId}
        variant="subtitle2"
        component="p"
        className={classes.warningTitle}
      >
        <WarningIcon fontSize="small" aria-hidden />
        {t('slo.definitionErrors', { count: errors.length })}
      </Typography>
      <ul className={classes.warningList} aria-labelledby={titleId}>
        {errors.map((error, index) => (
          <Typography key={index} component="li" variant="body2">
            {error.slo
              ? t('slo.definitionError', {
                  slo: error.slo,
                  message: error.message,
                })
              : error.message}
          </Typography>
        ))}
      </ul>
    </Box>
  );
};

/** The entity defines no SLO: says where and how to define them. */
export const NoSlos = () => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  return (
    <NoticePanel
      title={t('slo.empty')}
      hint={t('slo.emptyHint', { annotation: SLO_ANNOTATION, docs: SLO_DOCS })}
    />
  );
};

const Fact = ({ term, children }: { term: string; children: ReactNode }) => {
  const classes = useStyles();
  return (
    <div className={classes.fact}>
      <dt className={classes.term}>{term}</dt>
      <Typography component="dd" variant="body2" className={classes.definition}>
        {children}
      </Typography>
    </div>
  );
};

const BudgetBar = ({ status, name }: { status: SloStatus; name: string }) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatRemaining } = useSloFormatter();
  const { remaining } = status;
  const text = formatRemaining(remaining);
  if (remaining === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        {text}
      </Typography>
    );
  }
  const overspent = remaining < 0;
  let barClass = classes.barHealthy;
  if (overspent) {
    barClass = classes.barOverspent;
  } else if (remaining < LOW_BUDGET) {
    barClass = classes.barLow;
  }
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, Math.max(0, remaining * 100))}
        aria-label={t('slo.budgetBarLabel', { name })}
        aria-valuetext={text}
        classes={{
          root: `${classes.bar} ${overspent ? classes.barOverspent : ''}`,
          bar: barClass,
        }}
      />
      <Typography
        variant="body2"
        className={overspent ? classes.overspent : undefined}
      >
        {text}
      </Typography>
    </Box>
  );
};

const SloItem = ({ status, at }: { status: SloStatus; at: string }) => {
  const classes = useStyles();
  const headingId = useId();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatShare, formatBurnRate, formatForecast, nameOf } =
    useSloFormatter();
  const { definition } = status;
  const name = nameOf(definition);
  return (
    <li className={classes.slo} aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle1" component="h3">
        {name}
      </Typography>
      {definition.description && (
        <Typography variant="caption" color="textSecondary">
          {definition.description}
        </Typography>
      )}
      <dl className={classes.facts}>
        <Fact term={t('slo.objective')}>
          {formatShare(definition.objective)}
        </Fact>
        <Fact term={t('slo.attainment', { count: definition.windowDays })}>
          {formatShare(status.attainment)}
        </Fact>
        <Fact term={t('slo.alert')}>
          <SloAlertChip alert={status.alert} />
        </Fact>
        <Fact term={t('slo.burnRate', { window: t('slo.windows.1h') })}>
          {formatBurnRate(status.burnRates?.['1h'])}
        </Fact>
        <Fact term={t('slo.burnRate', { window: t('slo.windows.6h') })}>
          {formatBurnRate(status.burnRates?.['6h'])}
        </Fact>
      </dl>
      <BudgetBar status={status} name={name} />
      <Typography variant="body2" color="textSecondary">
        {formatForecast(status, at)}
      </Typography>
    </li>
  );
};

/**
 * Props of {@link EntitySloCard}.
 *
 * @public
 */
export type EntitySloCardProps = {
  /** `gridItem` stretches the card to the height of its row, next to other overview cards. */
  variant?: 'gridItem';
};

/**
 * The SLOs of the current entity now: objective, attainment over the rolling window, the error
 * budget left, the alert state, the 1 h and 6 h burn rates and when the budget runs out.
 * Definitions the backend could not read are listed as warnings.
 */
export const EntitySloCard = ({ variant }: EntitySloCardProps = {}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error, slos, errors } = useEntitySlos(entityRef);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    body = (
      <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
        <SloDefinitionErrors errors={errors} />
        {slos.length === 0 && errors.length === 0 && <NoSlos />}
        {slos.length > 0 && (
          <ul className={classes.list} aria-label={t('slo.listLabel')}>
            {slos.map((status, index) => (
              <SloItem
                key={`${status.definition.name}-${index}`}
                status={status}
                at={value.at}
              />
            ))}
          </ul>
        )}
      </Box>
    );
  }

  return (
    <InfoCard
      title={t('slo.cardTitle')}
      titleTypographyProps={{ component: 'h2' }}
      variant={variant}
    >
      {body}
    </InfoCard>
  );
};
