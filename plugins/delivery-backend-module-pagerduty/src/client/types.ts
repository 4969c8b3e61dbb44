/**
 * The parts of PagerDuty's REST API v2 answers that the module reads
 * (https://developer.pagerduty.com/api-reference). Everything is optional because an upstream
 * record is checked field by field before it becomes a delivery record.
 */

export type PagerDutyReference = {
  id?: string;
  type?: string;
  summary?: string;
  self?: string;
  html_url?: string;
};

export type PagerDutyIncident = {
  id?: string;
  type?: string;
  incident_number?: number;
  title?: string;
  summary?: string;
  html_url?: string;
  status?: 'triggered' | 'acknowledged' | 'resolved' | string;
  urgency?: 'high' | 'low' | string;
  priority?: (PagerDutyReference & { name?: string }) | null;
  created_at?: string;
  updated_at?: string;
  resolved_at?: string | null;
  last_status_change_at?: string;
  acknowledgements?: { at?: string; acknowledger?: PagerDutyReference }[];
  service?: PagerDutyReference;
};

/** Classic (offset) pagination. */
export type PagerDutyPage = {
  limit?: number;
  offset?: number;
  more?: boolean;
  total?: number | null;
};

export type PagerDutyIncidentList = PagerDutyPage & {
  incidents?: PagerDutyIncident[];
};

export type PagerDutyLogEntry = {
  id?: string;
  type?: string;
  created_at?: string;
};

export type PagerDutyLogEntryList = PagerDutyPage & {
  log_entries?: PagerDutyLogEntry[];
};

export type PagerDutyUser = PagerDutyReference & {
  name?: string;
  email?: string;
};

export type PagerDutyOnCall = {
  escalation_policy?: PagerDutyReference;
  escalation_level?: number;
  schedule?: PagerDutyReference | null;
  user?: PagerDutyUser;
  start?: string | null;
  end?: string | null;
};

export type PagerDutyOnCallList = PagerDutyPage & {
  oncalls?: PagerDutyOnCall[];
};

export type PagerDutyService = {
  service?: PagerDutyReference & {
    name?: string;
    escalation_policy?: PagerDutyReference;
  };
};
