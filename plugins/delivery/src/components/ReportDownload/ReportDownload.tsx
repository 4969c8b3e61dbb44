import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { FormEvent, useId, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  ReportLanguage,
  ReportName,
  ReportQuery,
  deliveryApiRef,
} from '../../api';
import { useDeliveryWindow } from '../../hooks/useDeliveryWindow';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { deliveryTranslationRef } from '../../translation';
import {
  nextQuarter,
  previousMonth,
  reportFields,
  reportTitleKeys,
  reportsFor,
} from './reportOptions';

type Fields = {
  report: ReportName;
  lang: ReportLanguage;
  period: string;
  quarter: string;
  incidentId: string;
  source: string;
  sprint: string;
  name: string;
  teamSize: string;
  holidays: string;
  focusFactor: string;
};

const languages: ReportLanguage[] = ['ru', 'en'];

function toQuery(entityRef: string, fields: Fields): ReportQuery {
  const needs = reportFields[fields.report];
  /** The trimmed value when the report asks for it and it is filled in. */
  const value = (text: string, needed: boolean) =>
    needed && text.trim() !== '' ? text.trim() : undefined;
  const number = (text: string, needed: boolean) => {
    const given = value(text, needed);
    return given === undefined ? undefined : Number(given);
  };
  const capacity = needs.includes('capacity');
  return {
    report: fields.report,
    lang: fields.lang,
    entityRef:
      fields.report === 'process' || fields.report === 'postmortem'
        ? undefined
        : entityRef,
    period:
      value(fields.quarter, needs.includes('quarter')) ??
      value(
        fields.period,
        needs.includes('period') || needs.includes('optionalPeriod'),
      ),
    incidentId: value(fields.incidentId, needs.includes('incident')),
    source: value(fields.source, needs.includes('incident')),
    sprint: value(fields.sprint, needs.includes('sprint')),
    name: value(fields.name, needs.includes('process')),
    teamSize: number(fields.teamSize, capacity),
    holidays: number(fields.holidays, capacity),
    focusFactor: number(fields.focusFactor, capacity),
  };
}

function isComplete(fields: Fields): boolean {
  const needs = reportFields[fields.report];
  const filled = (text: string) => text.trim() !== '';
  return (
    (!needs.includes('period') || filled(fields.period)) &&
    (!needs.includes('quarter') || filled(fields.quarter)) &&
    (!needs.includes('incident') || filled(fields.incidentId)) &&
    (!needs.includes('sprint') || filled(fields.sprint)) &&
    (!needs.includes('process') || filled(fields.name))
  );
}

/** The incidents of the window in view, to pick the postmortem's incident instead of typing it. */
const RecentIncidents = ({
  id,
  entityRef,
  value,
  onChange,
}: {
  id: string;
  entityRef: string;
  value: string;
  onChange: (source: string, incidentId: string) => void;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const deliveryApi = useApi(deliveryApiRef);
  const { window } = useDeliveryWindow();
  const { language } = useMetricFormatter();
  const { value: records } = useAsync(
    () => deliveryApi.getRecords(entityRef, window),
    [deliveryApi, entityRef, window.from, window.to],
  );
  const incidents = records?.incidents ?? [];
  if (incidents.length === 0) {
    return null;
  }
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  return (
    <TextField
      id={id}
      select
      SelectProps={{ native: true }}
      label={t('reports.recentIncidents')}
      value={value}
      onChange={event => {
        const [source, incidentId] = event.target.value
          ? (JSON.parse(event.target.value) as [string, string])
          : ['', ''];
        onChange(source, incidentId);
      }}
      variant="outlined"
      size="small"
      fullWidth
      margin="dense"
    >
      <option value="">—</option>
      {incidents.map(incident => (
        <option
          key={`${incident.source}/${incident.id}`}
          value={JSON.stringify([incident.source, incident.id])}
        >
          {[
            incident.id,
            incident.title,
            date.format(new Date(incident.openedAt)),
          ]
            .filter(Boolean)
            .join(' · ')}
        </option>
      ))}
    </TextField>
  );
};

/**
 * "Download report": a dialog to pick one of the Markdown reports the backend renders for this
 * entity, its language (Russian by default) and its period, then save it as a file. Used on the
 * Delivery tab of an entity and on a team's page.
 *
 * @public
 */
export const ReportDownload = ({ entity }: { entity: Entity }) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const deliveryApi = useApi(deliveryApiRef);
  const { language } = useMetricFormatter();
  const entityRef = stringifyEntityRef(entity);
  const reports = reportsFor(entity.kind);
  const titleId = useId();
  // Labels name their fields only through ids.
  const fieldId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [fields, setFields] = useState<Fields>(() => {
    const now = new Date();
    return {
      report: reports[0],
      lang: language === 'en' ? 'en' : 'ru',
      period: previousMonth(now),
      quarter: nextQuarter(now),
      incidentId: '',
      source: '',
      sprint: '',
      name: '',
      teamSize: '',
      holidays: '0',
      focusFactor: '1',
    };
  });
  const needs = reportFields[fields.report];
  const set = (key: keyof Fields) => (event: { target: { value: string } }) =>
    setFields(current => ({ ...current, [key]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await deliveryApi.downloadReport(toQuery(entityRef, fields));
      setOpen(false);
    } catch (e) {
      // The backend's own message names the parameter or record at fault.
      const message =
        (e as Partial<ResponseError>).body?.error?.message ??
        (e as Error).message;
      setError(t('reports.failed', { message }));
    } finally {
      setBusy(false);
    }
  };

  const text = (
    key: keyof Fields,
    label: string,
    helperText?: string,
    type = 'text',
  ) => (
    <TextField
      key={key}
      id={`${fieldId}-${key}`}
      label={label}
      value={fields[key]}
      onChange={set(key)}
      helperText={helperText}
      type={type}
      variant="outlined"
      size="small"
      fullWidth
      margin="dense"
    />
  );

  return (
    <>
      <Button
        variant="outlined"
        color="primary"
        startIcon={<GetAppIcon />}
        onClick={() => setOpen(true)}
      >
        {t('reports.button')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={titleId}
        fullWidth
        maxWidth="xs"
      >
        <form onSubmit={submit}>
          <DialogTitle id={titleId}>{t('reports.dialogTitle')}</DialogTitle>
          <DialogContent>
            <TextField
              id={`${fieldId}-report`}
              select
              SelectProps={{ native: true }}
              label={t('reports.report')}
              value={fields.report}
              onChange={set('report')}
              variant="outlined"
              size="small"
              fullWidth
              margin="dense"
            >
              {reports.map(report => (
                <option key={report} value={report}>
                  {t(reportTitleKeys[report])}
                </option>
              ))}
            </TextField>
            <TextField
              id={`${fieldId}-lang`}
              select
              SelectProps={{ native: true }}
              label={t('reports.language')}
              value={fields.lang}
              onChange={set('lang')}
              variant="outlined"
              size="small"
              fullWidth
              margin="dense"
            >
              {languages.map(lang => (
                <option key={lang} value={lang}>
                  {t(`reports.languages.${lang}`)}
                </option>
              ))}
            </TextField>
            {needs.includes('period') &&
              text('period', t('reports.period'), t('reports.periodHelp'))}
            {needs.includes('optionalPeriod') &&
              text(
                'period',
                t('reports.period'),
                t('reports.optionalPeriodHelp'),
              )}
            {needs.includes('quarter') &&
              text('quarter', t('reports.period'), t('reports.quarterHelp'))}
            {needs.includes('incident') && (
              <RecentIncidents
                id={`${fieldId}-recent`}
                entityRef={entityRef}
                value={
                  fields.source && fields.incidentId
                    ? JSON.stringify([fields.source, fields.incidentId])
                    : ''
                }
                onChange={(source, incidentId) =>
                  setFields(current => ({ ...current, source, incidentId }))
                }
              />
            )}
            {needs.includes('incident') && [
              text('incidentId', t('reports.incidentId')),
              text('source', t('reports.source')),
            ]}
            {needs.includes('sprint') && text('sprint', t('reports.sprint'))}
            {needs.includes('process') &&
              text('name', t('reports.processName'))}
            {needs.includes('capacity') && [
              text('teamSize', t('reports.teamSize'), undefined, 'number'),
              text('holidays', t('reports.holidays'), undefined, 'number'),
              text(
                'focusFactor',
                t('reports.focusFactor'),
                undefined,
                'number',
              ),
            ]}
            {error && (
              <Box mt={1}>
                <Typography color="error" role="alert" variant="body2">
                  {error}
                </Typography>
              </Box>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>
              {t('reports.cancel')}
            </Button>
            <Button
              type="submit"
              color="primary"
              variant="contained"
              disabled={busy || !isComplete(fields)}
            >
              {t('reports.download')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
