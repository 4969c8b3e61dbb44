import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { DeploymentRecord } from '@delivery-insights/backstage-plugin-delivery-common';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ErrorIcon from '@material-ui/icons/Error';
import { useMemo } from 'react';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  cell: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  flag: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.error.main,
  },
}));

/** Whether any deployment carries error-budget information worth a column. */
export const hasBudgetInformation = (deployments: DeploymentRecord[]) =>
  deployments.some(
    d => d.freezeViolation !== undefined || (d.budgetImpact ?? []).length > 0,
  );

/**
 * A deployment's error-budget facts in the drill-down: flagged when it ran during a freeze
 * without an exception, and the share of each SLO's budget burned after it against before it.
 */
export const DeploymentBudgetCell = ({
  deployment,
}: {
  deployment: DeploymentRecord;
}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { language, formatNumber } = useMetricFormatter();
  const percent = useMemo(
    () =>
      new Intl.NumberFormat(language, {
        style: 'percent',
        maximumFractionDigits: 1,
      }),
    [language],
  );
  return (
    <div className={classes.cell}>
      {deployment.freezeViolation && (
        <span className={classes.flag}>
          <ErrorIcon fontSize="small" aria-hidden />
          {t('policy.records.freezeViolation')}
        </span>
      )}
      {(deployment.budgetImpact ?? []).map(impact => (
        <Typography key={impact.slo} variant="body2">
          {impact.before === null || impact.after === null
            ? t('policy.records.impactNoData', { slo: impact.slo })
            : t('policy.records.impact', {
                slo: impact.slo,
                hours: formatNumber(impact.windowHours),
                after: percent.format(impact.after),
                before: percent.format(impact.before),
              })}
        </Typography>
      ))}
    </div>
  );
};
