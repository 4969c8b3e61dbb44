import { ResponseError } from '@backstage/errors';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  PolicyExceptionReasonKind,
  policyExceptionReasonKinds,
} from '@delivery-insights/backstage-plugin-delivery-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormEvent, useId, useState } from 'react';
import { PolicyExceptionRequest } from '../../api';
import { deliveryTranslationRef } from '../../translation';

/** The shortest justification the backend accepts. */
const MIN_JUSTIFICATION = 10;

export type RequestExceptionDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Stores the request; rejects with the backend's error, shown in the dialog. */
  onSubmit: (request: PolicyExceptionRequest) => Promise<unknown>;
};

/** A datetime-local value (the user's time zone) as an ISO 8601 instant. */
const isoOf = (local: string) => new Date(local).toISOString();

/**
 * Asks for an exception to a freeze: the reason kind, a justification, and the scope (one
 * deployment, or every deployment until a time). The backend checks ownership and the limits and
 * its message, naming the field, is shown when it refuses.
 */
export const RequestExceptionDialog = ({
  open,
  onClose,
  onSubmit,
}: RequestExceptionDialogProps) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const titleId = useId();
  const fieldId = useId();
  const [reasonKind, setReasonKind] =
    useState<PolicyExceptionReasonKind>('p0-fix');
  const [justification, setJustification] = useState('');
  const [scope, setScope] = useState<'deployment' | 'until'>('deployment');
  const [deploymentId, setDeploymentId] = useState('');
  const [until, setUntil] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();

  const complete =
    justification.trim().length >= MIN_JUSTIFICATION &&
    (scope === 'deployment'
      ? deploymentId.trim() !== ''
      : until !== '' && !Number.isNaN(Date.parse(until)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    setSending(true);
    setFailure(undefined);
    try {
      await onSubmit({
        reasonKind,
        justification: justification.trim(),
        ...(scope === 'deployment'
          ? { deploymentId: deploymentId.trim() }
          : { until: isoOf(until) }),
      });
      onClose();
    } catch (error) {
      // The backend's own message names the field; the response error only names the status.
      setFailure(
        error instanceof ResponseError
          ? error.cause.message
          : (error as Error).message,
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{t('policy.dialog.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('policy.dialog.intro')}</DialogContentText>
          <TextField
            select
            id={`${fieldId}-reason-kind`}
            fullWidth
            margin="normal"
            label={t('policy.dialog.reasonKind')}
            value={reasonKind}
            onChange={e =>
              setReasonKind(e.target.value as PolicyExceptionReasonKind)
            }
          >
            {policyExceptionReasonKinds.map(kind => (
              <MenuItem key={kind} value={kind}>
                {t(`policy.dialog.reasonKindOptions.${kind}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            multiline
            id={`${fieldId}-justification`}
            minRows={3}
            margin="normal"
            required
            label={t('policy.dialog.justification')}
            helperText={t('policy.dialog.justificationHelp')}
            value={justification}
            onChange={e => setJustification(e.target.value)}
          />
          <FormControl component="fieldset" margin="normal">
            <FormLabel component="legend">{t('policy.dialog.scope')}</FormLabel>
            <RadioGroup
              value={scope}
              onChange={e => setScope(e.target.value as 'deployment' | 'until')}
            >
              <FormControlLabel
                value="deployment"
                control={<Radio />}
                label={t('policy.dialog.scopeDeployment')}
              />
              <FormControlLabel
                value="until"
                control={<Radio />}
                label={t('policy.dialog.scopeUntil')}
              />
            </RadioGroup>
          </FormControl>
          {scope === 'deployment' ? (
            <TextField
              fullWidth
              margin="normal"
              required
              id={`${fieldId}-deployment-id`}
              label={t('policy.dialog.deploymentId')}
              helperText={t('policy.dialog.deploymentIdHelp')}
              value={deploymentId}
              onChange={e => setDeploymentId(e.target.value)}
            />
          ) : (
            <TextField
              fullWidth
              margin="normal"
              required
              id={`${fieldId}-until`}
              type="datetime-local"
              label={t('policy.dialog.until')}
              helperText={t('policy.dialog.untilHelp')}
              InputLabelProps={{ shrink: true }}
              value={until}
              onChange={e => setUntil(e.target.value)}
            />
          )}
          {failure && (
            <Typography role="alert" color="error" variant="body2">
              {t('policy.dialog.failed', { message: failure })}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('policy.dialog.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!complete || sending}
          >
            {t('policy.dialog.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
