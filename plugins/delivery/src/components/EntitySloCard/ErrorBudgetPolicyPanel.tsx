import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  PolicyException,
  PolicyState,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useId, useMemo, useState } from 'react';
import { useErrorBudgetPolicy } from '../../hooks/useErrorBudgetPolicy';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import { RequestExceptionDialog } from './RequestExceptionDialog';

const useStyles = makeStyles(theme => ({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  normal: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.getContrastText(theme.palette.success.main),
  },
  warn: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.getContrastText(theme.palette.warning.main),
  },
  freeze: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  reasons: {
    margin: 0,
    paddingLeft: theme.spacing(3),
  },
}));

/** The decider of an exception: who granted it. */
const grantedBy = (exception: PolicyException) =>
  exception.events.find(event => event.action === 'granted')?.actor ?? '';

/**
 * The entity's error-budget policy on the SLO card: its state in words (the colour repeats it),
 * the reasons, the exceptions in force and pending, and the "Request an exception" dialog when
 * the policy is not normal.
 */
export const ErrorBudgetPolicyPanel = ({
  entityRef,
}: {
  entityRef: string;
}) => {
  const classes = useStyles();
  const titleId = useId();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { language } = useMetricFormatter();
  const { gate, active, pending, error, request } =
    useErrorBudgetPolicy(entityRef);
  const [dialogOpen, setDialogOpen] = useState(false);
  const dateTime = useMemo(
    () =>
      new Intl.DateTimeFormat(language, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    [language],
  );

  if (error) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('policy.unavailable', { message: error.message })}
      </Typography>
    );
  }
  if (!gate) {
    return null;
  }
  const state: PolicyState = gate.state;
  const excepted = state === 'freeze' && gate.decision === 'allow';
  const reasons = gate.reasons.filter(
    reason => reason.code !== 'no_slos' && reason.code !== 'exception',
  );

  return (
    <Box
      className={classes.panel}
      component="section"
      aria-labelledby={titleId}
    >
      <div className={classes.header}>
        <Typography id={titleId} variant="subtitle2" component="h3">
          {t('policy.title')}
        </Typography>
        <Chip
          size="small"
          className={classes[state]}
          label={
            excepted
              ? t('policy.frozenWithException')
              : t(`policy.states.${state}`)
          }
        />
      </div>
      {reasons.length > 0 && (
        <ul className={classes.reasons} aria-label={t('policy.reasonsLabel')}>
          {reasons.map((reason, index) => (
            <Typography key={index} component="li" variant="body2">
              {reason.message}
            </Typography>
          ))}
        </ul>
      )}
      {active.map(exception => (
        <Typography key={exception.id} variant="body2">
          {exception.deploymentId === null
            ? t('policy.activeException', {
                kind: t(`policy.reasonKinds.${exception.reasonKind}`),
                until: dateTime.format(new Date(exception.until)),
                by: grantedBy(exception),
              })
            : t('policy.activeExceptionForDeployment', {
                kind: t(`policy.reasonKinds.${exception.reasonKind}`),
                deployment: exception.deploymentId,
                until: dateTime.format(new Date(exception.until)),
                by: grantedBy(exception),
              })}
        </Typography>
      ))}
      {pending.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          {t('policy.pending', { count: pending.length })}
        </Typography>
      )}
      {state !== 'normal' && (
        <Box>
          <Button
            size="small"
            variant="outlined"
            onClick={() => setDialogOpen(true)}
          >
            {t('policy.requestButton')}
          </Button>
        </Box>
      )}
      <RequestExceptionDialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        onSubmit={request}
      />
    </Box>
  );
};
