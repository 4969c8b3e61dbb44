/**
 * The parts of Opsgenie's REST API answers that the module reads
 * (https://docs.opsgenie.com/docs/api-overview). Everything is optional because an upstream
 * record is checked field by field before it becomes a delivery record.
 */

export type OpsgeniePaging = {
  next?: string;
  first?: string;
  last?: string;
};

export type OpsgenieAlert = {
  id?: string;
  tinyId?: string;
  alias?: string;
  message?: string;
  status?: 'open' | 'closed' | string;
  acknowledged?: boolean;
  priority?: string;
  tags?: string[];
  createdAt?: string;
  updatedAt?: string;
  /** Milliseconds from creation to the first acknowledgement and to the close. */
  report?: {
    ackTime?: number;
    closeTime?: number;
    acknowledgedBy?: string;
    closedBy?: string;
  };
};

export type OpsgenieIncident = {
  id?: string;
  tinyId?: string;
  message?: string;
  status?: 'open' | 'resolved' | 'closed' | string;
  priority?: string;
  tags?: string[];
  createdAt?: string;
  updatedAt?: string;
  impactStartDate?: string;
  impactEndDate?: string;
  links?: { web?: string; api?: string };
};

export type OpsgenieList<T> = {
  data?: T[];
  paging?: OpsgeniePaging;
  took?: number;
  requestId?: string;
};

export type OpsgenieSchedule = {
  id?: string;
  name?: string;
  enabled?: boolean;
  ownerTeam?: { id?: string; name?: string };
};

export type OpsgenieParticipant = {
  id?: string;
  name?: string;
  type?: 'user' | 'team' | 'escalation' | 'schedule' | string;
  /** Minutes after which an escalation notifies this participant. */
  escalationTime?: number;
  onCallParticipants?: OpsgenieParticipant[];
};

export type OpsgenieOnCalls = {
  data?: {
    _parent?: { id?: string; name?: string; enabled?: boolean };
    onCallParticipants?: OpsgenieParticipant[];
  };
};
