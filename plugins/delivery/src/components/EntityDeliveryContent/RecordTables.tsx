import {
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Link, VisuallyHidden } from '@backstage/ui';
import {
  ChangeRecord,
  DeploymentRecord,
  IncidentRecord,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import { ReactNode, useMemo } from 'react';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import { RecordsState } from './LeadTimeHistogram';
import {
  DeploymentBudgetCell,
  hasBudgetInformation,
} from './DeploymentBudgetCell';

const PAGE_SIZE = 10;

const useStyles = makeStyles(theme => ({
  tables: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(3),
  },
  notice: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  flag: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  linkIcon: {
    marginLeft: theme.spacing(0.5),
    verticalAlign: 'middle',
  },
}));

/** A link to the record in its source system (a PR, a pipeline run, a page), in a new tab. */
const SourceLink = ({
  url,
  children,
}: {
  url: string | null;
  children: ReactNode;
}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  if (!url) {
    return <>{children}</>;
  }
  return (
    <Link href={url} target="_blank" rel="noopener noreferrer">
      {children}
      <OpenInNewIcon
        fontSize="inherit"
        className={classes.linkIcon}
        aria-hidden
      />
      <VisuallyHidden> {t('entity.records.opensInNewTab')}</VisuallyHidden>
    </Link>
  );
};

/** Formats record times in the user's language and time zone. */
const useDateTime = () => {
  const { language } = useMetricFormatter();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const format = useMemo(
    () =>
      new Intl.DateTimeFormat(language, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    [language],
  );
  return (iso: string | null) =>
    iso ? format.format(new Date(iso)) : t('common.noValue');
};

const tableOptions = (rows: number) => ({
  paging: rows > PAGE_SIZE,
  pageSize: PAGE_SIZE,
  search: rows > PAGE_SIZE,
  padding: 'dense' as const,
  // Reordering columns by drag and drop adds nothing here but noise for screen readers.
  draggable: false,
});

/** material-table writes its bookkeeping into the rows: give it copies, not the API's objects. */
const copies = <T extends object>(rows: T[]): T[] =>
  rows.map(row => ({ ...row }));

const DeploymentsTable = ({
  deployments,
  loading,
}: {
  deployments: DeploymentRecord[];
  loading: boolean;
}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const formatTime = useDateTime();
  const columns: TableColumn<DeploymentRecord>[] = [
    {
      title: t('entity.records.deployments.id'),
      field: 'id',
      render: d => <SourceLink url={d.url}>{d.id}</SourceLink>,
    },
    {
      title: t('entity.records.deployments.environment'),
      field: 'environment',
    },
    {
      title: t('entity.records.deployments.status'),
      field: 'status',
      render: d => t(`entity.records.status.${d.status}`),
    },
    {
      title: t('entity.records.deployments.failed'),
      field: 'failed',
      render: d =>
        d.failed ? (
          <span className={classes.flag}>
            <ErrorIcon fontSize="small" color="error" aria-hidden />
            {t('entity.records.yes')}
          </span>
        ) : (
          t('entity.records.no')
        ),
    },
    {
      title: t('entity.records.deployments.finished'),
      field: 'finishedAt',
      render: d => formatTime(d.finishedAt),
    },
    {
      title: t('entity.records.deployments.changes'),
      field: 'changeIds',
      sorting: false,
      render: d =>
        d.changeIds.length ? d.changeIds.join(', ') : t('common.noValue'),
    },
    ...(hasBudgetInformation(deployments)
      ? [
          {
            title: t('policy.records.column'),
            sorting: false,
            render: (d: DeploymentRecord) => (
              <DeploymentBudgetCell deployment={d} />
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<DeploymentRecord>
      title={t('entity.records.deployments.title')}
      columns={columns}
      data={copies(deployments)}
      isLoading={loading}
      options={tableOptions(deployments.length)}
      emptyContent={
        <Box padding={2}>
          <Typography variant="body2" color="textSecondary">
            {t('entity.records.deployments.empty')}
          </Typography>
        </Box>
      }
    />
  );
};

const ChangesTable = ({
  changes,
  loading,
}: {
  changes: ChangeRecord[];
  loading: boolean;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatValue } = useMetricFormatter();
  const formatTime = useDateTime();
  const columns: TableColumn<ChangeRecord>[] = [
    {
      title: t('entity.records.changes.change'),
      field: 'title',
      customSort: (a, b) => (a.title ?? a.id).localeCompare(b.title ?? b.id),
      render: c => (
        <>
          <SourceLink url={c.url}>{c.title ?? c.id}</SourceLink>
          {c.title && (
            <Typography variant="caption" color="textSecondary" display="block">
              {c.id}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: t('entity.records.changes.author'),
      field: 'author',
      render: c => c.author ?? t('common.noValue'),
    },
    {
      title: t('entity.records.changes.firstCommit'),
      field: 'firstCommitAt',
      render: c => formatTime(c.firstCommitAt),
    },
    {
      title: t('entity.records.changes.deployed'),
      field: 'deployedAt',
      render: c => formatTime(c.deployedAt),
    },
    {
      title: t('entity.records.changes.leadTime'),
      field: 'leadTimeHours',
      type: 'numeric',
      render: c => formatValue(c.leadTimeHours, 'hours'),
    },
    {
      title: t('entity.records.changes.deployment'),
      field: 'deploymentId',
    },
  ];
  return (
    <Table<ChangeRecord>
      title={t('entity.records.changes.title')}
      columns={columns}
      data={copies(changes)}
      isLoading={loading}
      options={tableOptions(changes.length)}
      emptyContent={
        <Box padding={2}>
          <Typography variant="body2" color="textSecondary">
            {t('entity.records.changes.empty')}
          </Typography>
        </Box>
      }
    />
  );
};

const IncidentsTable = ({
  incidents,
  loading,
}: {
  incidents: IncidentRecord[];
  loading: boolean;
}) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { formatValue } = useMetricFormatter();
  const formatTime = useDateTime();
  const columns: TableColumn<IncidentRecord>[] = [
    {
      title: t('entity.records.incidents.incident'),
      field: 'title',
      customSort: (a, b) => (a.title ?? a.id).localeCompare(b.title ?? b.id),
      render: i => (
        <>
          <SourceLink url={i.url}>{i.title ?? i.id}</SourceLink>
          {i.title && (
            <Typography variant="caption" color="textSecondary" display="block">
              {i.id}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: t('entity.records.incidents.severity'),
      field: 'severity',
      render: i => i.severity ?? t('common.noValue'),
    },
    {
      title: t('entity.records.incidents.opened'),
      field: 'openedAt',
      render: i => formatTime(i.openedAt),
    },
    {
      title: t('entity.records.incidents.resolved'),
      field: 'resolvedAt',
      render: i =>
        i.resolvedAt ? (
          formatTime(i.resolvedAt)
        ) : (
          <span className={classes.flag}>
            <ErrorIcon fontSize="small" color="error" aria-hidden />
            {t('entity.records.incidents.stillOpen')}
          </span>
        ),
    },
    {
      title: t('entity.records.incidents.timeToRestore'),
      field: 'timeToRestoreHours',
      type: 'numeric',
      render: i => formatValue(i.timeToRestoreHours, 'hours'),
    },
    {
      title: t('entity.records.incidents.causedBy'),
      field: 'causedByDeploymentId',
      render: i => i.causedByDeploymentId ?? t('common.noValue'),
    },
  ];
  return (
    <Table<IncidentRecord>
      title={t('entity.records.incidents.title')}
      columns={columns}
      data={copies(incidents)}
      isLoading={loading}
      options={tableOptions(incidents.length)}
      emptyContent={
        <Box padding={2}>
          <Typography variant="body2" color="textSecondary">
            {t('entity.records.incidents.empty')}
          </Typography>
        </Box>
      }
    />
  );
};

/** The deployments, changes and incidents behind the window's numbers, with links to their source. */
export const RecordTables = ({ records }: { records: RecordsState }) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  if (records.error) {
    return <ResponseErrorPanel error={records.error} />;
  }
  const value = records.value;
  return (
    <div className={classes.tables}>
      {value?.truncated && (
        <Typography variant="body2" className={classes.notice}>
          <InfoIcon fontSize="small" color="primary" aria-hidden />
          {t('entity.records.truncated')}
        </Typography>
      )}
      <DeploymentsTable
        deployments={value?.deployments ?? []}
        loading={records.loading}
      />
      <ChangesTable changes={value?.changes ?? []} loading={records.loading} />
      <IncidentsTable
        incidents={value?.incidents ?? []}
        loading={records.loading}
      />
    </div>
  );
};
