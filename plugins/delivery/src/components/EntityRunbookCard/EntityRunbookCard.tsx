import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  LinkButton,
  Progress,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { OnCallShift } from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import WarningIcon from '@material-ui/icons/Warning';
import { ReactNode, useId } from 'react';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { useOnCall } from '../../hooks/useOnCall';
import { deliveryTranslationRef } from '../../translation';
import { LoadErrorPanel, NoticePanel } from '../ScorecardParts';
import {
  ADD_RUNBOOK_TEMPLATE,
  OperationalLink,
  RUNBOOK_ANNOTATION,
  addRunbookPath,
  linkLabel,
  operationalLinks,
} from './runbookLinks';

const useStyles = makeStyles(theme => ({
  sections: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  },
  list: {
    margin: 0,
    paddingLeft: theme.spacing(2.5),
  },
  muted: {
    color: theme.palette.text.secondary,
  },
  gap: {
    padding: theme.spacing(0, 1.5),
    borderLeft: `4px solid ${theme.palette.warning.main}`,
  },
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
}));

/** A titled part of the card; its heading names it for assistive technology. */
const Section = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography variant="subtitle2" component="h3" id={id} gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
};

const LinkList = ({
  links,
  empty,
}: {
  links: OperationalLink[];
  empty: string;
}) => {
  const classes = useStyles();
  if (links.length === 0) {
    return (
      <Typography variant="body2" className={classes.muted}>
        {empty}
      </Typography>
    );
  }
  return (
    <ul className={classes.list}>
      {links.map(link => (
        <li key={link.url}>
          <Link to={link.url}>{linkLabel(link)}</Link>
        </li>
      ))}
    </ul>
  );
};

const Shift = ({ shift }: { shift: OnCallShift }) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { language } = useMetricFormatter();
  const details = [
    shift.level !== undefined
      ? t('runbook.onCall.level', { level: String(shift.level) })
      : undefined,
    shift.schedule,
    shift.until
      ? t('runbook.onCall.until', {
          time: new Date(shift.until).toLocaleString(language, {
            dateStyle: 'medium',
            timeStyle: 'short',
          }),
        })
      : undefined,
  ].filter(Boolean);
  return (
    <li>
      {shift.person.url ? (
        <Link to={shift.person.url}>{shift.person.name}</Link>
      ) : (
        <strong>{shift.person.name}</strong>
      )}
      {shift.person.email && (
        <>
          {' '}
          (<Link to={`mailto:${shift.person.email}`}>{shift.person.email}</Link>
          )
        </>
      )}
      <Typography variant="body2" color="textSecondary" component="span">
        {' · '}
        {[shift.provider, ...details].join(' · ')}
      </Typography>
    </li>
  );
};

const OnCallNow = ({ entityRef }: { entityRef: string }) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { loading, error, retry, shifts, errors } = useOnCall(entityRef);
  if (loading) return <Progress />;
  if (error) return <LoadErrorPanel error={error} onRetry={retry} />;
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      {errors.length > 0 && (
        <Box className={classes.warnings} role="alert">
          <Typography variant="body2" className={classes.warningTitle}>
            <WarningIcon fontSize="small" aria-hidden />
            {t('runbook.onCall.providerErrors', { count: errors.length })}
          </Typography>
          <ul className={classes.list}>
            {errors.map((e, index) => (
              <li key={`${e.provider}-${index}`}>
                <Typography variant="body2">
                  {t('runbook.onCall.providerError', {
                    provider: e.provider,
                    message: e.message,
                  })}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
      {shifts.length === 0 && errors.length === 0 && (
        <NoticePanel
          title={t('runbook.onCall.none')}
          hint={t('runbook.onCall.noneHint')}
        />
      )}
      {shifts.length > 0 && (
        <ul className={classes.list}>
          {shifts.map((shift, index) => (
            <Shift
              key={`${shift.provider}-${shift.person.name}-${index}`}
              shift={shift}
            />
          ))}
        </ul>
      )}
    </Box>
  );
};

/**
 * Props of {@link EntityRunbookCard}.
 *
 * @public
 */
export type EntityRunbookCardProps = {
  /** `gridItem` stretches the card to the height of its row, next to other overview cards. */
  variant?: 'gridItem';
  /** The scaffolder template the "create a runbook" button opens; default the golden path's. */
  templateRef?: string;
};

/**
 * What a responder needs during an incident: the service's runbooks, its rollback procedure and
 * dashboards, and who is on call now. A service without a runbook shows the gap, with a button
 * that opens the golden-path template with the service filled in.
 */
export const EntityRunbookCard = ({
  variant,
  templateRef = ADD_RUNBOOK_TEMPLATE,
}: EntityRunbookCardProps = {}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { runbooks, rollback, dashboards } = operationalLinks(entity);

  return (
    <InfoCard
      title={t('runbook.cardTitle')}
      titleTypographyProps={{ component: 'h2' }}
      variant={variant}
    >
      <Box className={classes.sections}>
        <Section title={t('runbook.runbooks')}>
          {runbooks.length > 0 ? (
            <LinkList links={runbooks} empty="" />
          ) : (
            <Box className={classes.gap}>
              <NoticePanel
                title={t('runbook.missing')}
                hint={t('runbook.missingHint', {
                  annotation: RUNBOOK_ANNOTATION,
                })}
                action={
                  <LinkButton
                    variant="contained"
                    color="primary"
                    size="small"
                    startIcon={<AddIcon />}
                    to={addRunbookPath(entityRef, templateRef)}
                  >
                    {t('runbook.create')}
                  </LinkButton>
                }
              />
            </Box>
          )}
        </Section>
        <Section title={t('runbook.rollback')}>
          <LinkList links={rollback} empty={t('runbook.noRollback')} />
        </Section>
        <Section title={t('runbook.dashboards')}>
          <LinkList links={dashboards} empty={t('runbook.noDashboards')} />
        </Section>
        <Section title={t('runbook.onCall.title')}>
          <OnCallNow entityRef={entityRef} />
        </Section>
      </Box>
    </InfoCard>
  );
};
