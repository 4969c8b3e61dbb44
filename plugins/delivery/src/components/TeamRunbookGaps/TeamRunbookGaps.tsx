import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LinkButton, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useId, useMemo } from 'react';
import { deliveryTranslationRef } from '../../translation';
import {
  ADD_RUNBOOK_TEMPLATE,
  SLOS_ANNOTATION,
  addRunbookPath,
  hasSlos,
  operationalLinks,
} from '../EntityRunbookCard/runbookLinks';
import { TeamComponentsState } from '../GroupDeliveryContent/useTeamComponents';
import {
  LoadErrorPanel,
  NoticePanel,
  entityDisplayName,
} from '../ScorecardParts';

const useStyles = makeStyles(theme => ({
  absent: {
    color: theme.palette.warning.dark,
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/** A service of the team and what it lacks. */
export type RunbookCoverage = {
  entity: Entity;
  entityRef: string;
  hasRunbook: boolean;
  hasSlo: boolean;
};

/** The services that lack a runbook or an SLO, by name, and how many were looked at. */
export function runbookCoverage(components: Entity[]): {
  gaps: RunbookCoverage[];
  total: number;
} {
  const gaps = components
    .map(entity => ({
      entity,
      entityRef: stringifyEntityRef(entity),
      hasRunbook: operationalLinks(entity).runbooks.length > 0,
      hasSlo: hasSlos(entity),
    }))
    .filter(row => !row.hasRunbook || !row.hasSlo)
    .sort((a, b) =>
      entityDisplayName(a.entity).localeCompare(entityDisplayName(b.entity)),
    );
  return { gaps, total: components.length };
}

/**
 * The Group page's list of the team's services that lack a runbook or an SLO, each with the way
 * to fix it: the golden-path template for a runbook, the annotation for SLOs.
 */
export const TeamRunbookGaps = ({
  components,
  templateRef = ADD_RUNBOOK_TEMPLATE,
}: {
  /** The team's components with their annotations and links, loaded once for the whole tab. */
  components: TeamComponentsState;
  templateRef?: string;
}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const headingId = useId();
  const { loading, error, retry } = components;
  const value = useMemo(
    () => (components.value ? runbookCoverage(components.value) : undefined),
    [components.value],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <LoadErrorPanel error={error} onRetry={retry} />;
  } else if (value && value.gaps.length === 0) {
    body = <NoticePanel title={t('runbook.team.complete')} />;
  } else if (value) {
    const mark = (present: boolean) =>
      present ? (
        t('runbook.team.present')
      ) : (
        <span className={classes.absent}>{t('runbook.team.absent')}</span>
      );
    body = (
      <>
        <Typography variant="body2" paragraph>
          {t('runbook.team.summary', {
            count: value.gaps.length,
            total: String(value.total),
          })}
        </Typography>
        <Table size="small" aria-label={t('runbook.team.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('runbook.team.serviceColumn')}</TableCell>
              <TableCell>{t('runbook.team.runbookColumn')}</TableCell>
              <TableCell>{t('runbook.team.sloColumn')}</TableCell>
              <TableCell>{t('runbook.team.actionColumn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.gaps.map(row => (
              <TableRow key={row.entityRef}>
                {/* The services table above links each service; this one links the fix. */}
                <TableCell>{entityDisplayName(row.entity)}</TableCell>
                <TableCell>{mark(row.hasRunbook)}</TableCell>
                <TableCell>{mark(row.hasSlo)}</TableCell>
                <TableCell>
                  <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
                    {!row.hasRunbook && (
                      <LinkButton
                        size="small"
                        variant="outlined"
                        color="primary"
                        to={addRunbookPath(row.entityRef, templateRef)}
                      >
                        {t('runbook.create')}
                      </LinkButton>
                    )}
                    {!row.hasSlo && (
                      <Typography variant="body2" color="textSecondary">
                        {t('runbook.team.defineSlo', {
                          annotation: SLOS_ANNOTATION,
                        })}
                      </Typography>
                    )}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h5" component="h2" id={headingId}>
        {t('runbook.team.heading')}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('runbook.team.description')}
      </Typography>
      {body}
    </Box>
  );
};
