import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import { ReactNode, useId, useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { deliveryApiRef } from '../../api';
import { deliveryTranslationRef } from '../../translation';
import {
  LOW_BUDGET,
  SLO_ANNOTATION,
  SLO_DOCS,
  SloAlertChip,
  useSloFormatter,
} from '../EntitySloCard/EntitySloCard';
import {
  LoadErrorPanel,
  NoticePanel,
  entityDisplayName,
  mapSettled,
} from '../ScorecardParts';
import {
  ServiceSlosResult,
  TeamSlosAtRisk as TeamSlosReport,
  slosAtRisk,
} from './slosAtRisk';

/** The most `/slos` calls in flight at once, so a large team does not flood the backend. */
export const MAX_SLO_CALLS_IN_FLIGHT = 6;

const useStyles = makeStyles(theme => ({
  table: {
    '& td, & th': {
      verticalAlign: 'top',
    },
  },
  overspent: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  warning: {
    color: theme.palette.warning.dark,
  },
  failure: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    color: theme.palette.error.main,
  },
}));

const asError = (reason: unknown): Error =>
  reason instanceof Error ? reason : new Error(String(reason));

/** The backend's own message when it sent one, else the HTTP status. */
const messageOf = (error: Error): string =>
  (ResponseError.is(error) && error.cause.message) || error.message;

/**
 * The SLOs of every given service, at most six calls at a time; a service that fails is reported
 * on its own. Until the answer for exactly these services is in, it reports loading.
 */
function useTeamSlos(components: Entity[]): {
  report?: TeamSlosReport;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const deliveryApi = useApi(deliveryApiRef);
  const refs = useMemo(
    () => components.map(entity => stringifyEntityRef(entity)),
    [components],
  );
  const state = useAsyncRetry(async () => {
    const settled = await mapSettled(refs, MAX_SLO_CALLS_IN_FLIGHT, ref =>
      deliveryApi.getSlos(ref),
    );
    const results = settled.map(
      (result, index): ServiceSlosResult =>
        result.status === 'fulfilled'
          ? { entityRef: refs[index], slos: result.value }
          : { entityRef: refs[index], error: asError(result.reason) },
    );
    return { refs, report: slosAtRisk(results) };
  }, [deliveryApi, refs]);
  const current = state.value?.refs === refs;
  return {
    report: current ? state.value?.report : undefined,
    loading: state.loading || (!state.error && !current),
    error: state.error,
    retry: state.retry,
  };
}

/** The section's heading and what it lists, around whatever state it is in. */
export const TeamSlosAtRiskFrame = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatBudgetPercent } = useSloFormatter();
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h5" component="h2" id={headingId}>
        {t('team.slo.heading')}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('team.slo.description', {
          threshold: formatBudgetPercent(LOW_BUDGET),
        })}
      </Typography>
      {children}
    </Box>
  );
};

const SlosAtRiskTable = ({
  report,
  components,
}: {
  report: TeamSlosReport;
  components: Entity[];
}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatRemaining, formatForecast, nameOf } = useSloFormatter();
  const names = useMemo(
    () =>
      new Map(
        components.map(entity => [
          stringifyEntityRef(entity),
          entityDisplayName(entity),
        ]),
      ),
    [components],
  );
  const service = (entityRef: string) => (
    <EntityRefLink entityRef={entityRef} defaultKind="component">
      {names.get(entityRef)}
    </EntityRefLink>
  );

  return (
    <Table
      size="small"
      aria-label={t('team.slo.tableLabel')}
      className={classes.table}
    >
      <TableHead>
        <TableRow>
          <TableCell>{t('team.slo.serviceColumn')}</TableCell>
          <TableCell>{t('team.slo.sloColumn')}</TableCell>
          <TableCell>{t('team.slo.alertColumn')}</TableCell>
          <TableCell>{t('team.slo.budgetColumn')}</TableCell>
          <TableCell>{t('team.slo.forecastColumn')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {report.atRisk.map(({ entityRef, status, at }, index) => (
          <TableRow key={`${entityRef}:${status.definition.name}:${index}`}>
            <TableCell>{service(entityRef)}</TableCell>
            <TableCell>{nameOf(status.definition)}</TableCell>
            <TableCell>
              <SloAlertChip alert={status.alert} />
            </TableCell>
            <TableCell
              className={
                status.remaining !== null && status.remaining < 0
                  ? classes.overspent
                  : undefined
              }
            >
              {formatRemaining(status.remaining)}
            </TableCell>
            <TableCell>{formatForecast(status, at)}</TableCell>
          </TableRow>
        ))}
        {report.failed.map(({ entityRef, error }) => (
          <TableRow key={`${entityRef}:error`}>
            <TableCell>{service(entityRef)}</TableCell>
            <TableCell colSpan={4}>
              <Box className={classes.failure}>
                <ErrorOutlineIcon fontSize="small" aria-hidden />
                <Typography variant="body2" component="span">
                  {t('team.slo.serviceError', { message: messageOf(error) })}
                </Typography>
              </Box>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * The SLOs at risk across the team's services: those that page or open a ticket, or have less
 * than a quarter of their error budget left, most urgent first. A service whose SLOs could not be
 * loaded shows its error in its own row; the others still show.
 */
export const TeamSlosAtRisk = ({ components }: { components: Entity[] }) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { report, loading, error, retry } = useTeamSlos(components);

  let body: ReactNode;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <LoadErrorPanel error={error} onRetry={retry} />;
  } else if (report) {
    const {
      atRisk,
      failed,
      checkedSlos,
      servicesWithSlos,
      unreadableDefinitions,
    } = report;
    const hasRows = atRisk.length > 0 || failed.length > 0;
    body = (
      <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
        {atRisk.length > 0 && (
          <Typography variant="subtitle2" component="p">
            {t('team.slo.atRiskCount', { count: atRisk.length })}
          </Typography>
        )}
        {hasRows && <SlosAtRiskTable report={report} components={components} />}
        {failed.length > 0 && (
          <Box>
            <Button variant="outlined" size="small" onClick={retry}>
              {t('common.retry')}
            </Button>
          </Box>
        )}
        {atRisk.length === 0 && checkedSlos > 0 && (
          <NoticePanel
            title={t('team.slo.noneAtRisk')}
            hint={t('team.slo.healthy', {
              count: checkedSlos,
              across: t('team.slo.acrossServices', {
                count: servicesWithSlos,
              }),
            })}
          />
        )}
        {unreadableDefinitions > 0 && (
          <Typography variant="body2" className={classes.warning}>
            {t('slo.definitionErrors', { count: unreadableDefinitions })}
          </Typography>
        )}
        {checkedSlos === 0 &&
          failed.length === 0 &&
          unreadableDefinitions === 0 && (
            <NoticePanel
              title={t('team.slo.noSlos')}
              hint={t('team.slo.noSlosHint', {
                annotation: SLO_ANNOTATION,
                docs: SLO_DOCS,
              })}
            />
          )}
      </Box>
    );
  }

  return <TeamSlosAtRiskFrame>{body}</TeamSlosAtRiskFrame>;
};
