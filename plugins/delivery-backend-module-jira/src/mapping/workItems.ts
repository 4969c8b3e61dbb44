import {
  MappedRecord,
  toInstant,
} from '@delivery-insights/backstage-plugin-delivery-node';

export const JIRA_SOURCE = 'jira';

export const WORK_ITEM_KINDS = ['story', 'bug', 'task'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

/** Issue type name (lower case) to work item kind, or `ignore` to leave such issues out. */
export type IssueTypeMapping = Record<string, WorkItemKind | 'ignore'>;

/** Jira's own and the common custom issue types; epics span sprints and are no work item. */
export const DEFAULT_ISSUE_TYPES: IssueTypeMapping = {
  story: 'story',
  'user story': 'story',
  feature: 'story',
  bug: 'bug',
  defect: 'bug',
  task: 'task',
  'sub-task': 'task',
  subtask: 'task',
  spike: 'task',
  chore: 'task',
  improvement: 'task',
  'technical task': 'task',
  epic: 'ignore',
};

/** The kind of an issue type; a type the mapping does not name is a task. */
export function kindOf(
  issueType: string,
  mapping: IssueTypeMapping,
): WorkItemKind | 'ignore' {
  return mapping[issueType.toLowerCase()] ?? 'task';
}

/** Jira's status categories: To Do (`new`), In Progress (`indeterminate`) and Done. */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

/** A status transition of the changelog, with the categories of both statuses. */
export type StatusChange = {
  at: string;
  from?: StatusCategory;
  to?: StatusCategory;
};

/**
 * When work started and finished, from the status transitions: started at the first move into
 * an In Progress status (at creation when it was created in one), completed at the last move from
 * a status outside Done into Done while the issue is still there, so a reopened issue is open
 * again. Without a transition into Done (created closed, or history lost) its resolution date.
 */
export function flowTimes(options: {
  createdAt: string;
  currentCategory?: StatusCategory;
  resolutionDate?: string;
  changes: StatusChange[];
}): { startedAt?: string; completedAt?: string } {
  const changes = [...options.changes].sort((a, b) => a.at.localeCompare(b.at));
  const initial = changes.length ? changes[0].from : options.currentCategory;
  let startedAt =
    initial === 'indeterminate'
      ? options.createdAt
      : changes.find(change => change.to === 'indeterminate')?.at;
  let completedAt: string | undefined;
  if (options.currentCategory === 'done') {
    completedAt =
      changes
        .filter(change => change.to === 'done' && change.from !== 'done')
        .at(-1)?.at ?? options.resolutionDate;
  }
  if (startedAt && startedAt < options.createdAt) {
    startedAt = options.createdAt;
  }
  if (completedAt && completedAt < options.createdAt) {
    completedAt = options.createdAt;
  }
  if (startedAt && completedAt && startedAt > completedAt) {
    startedAt = undefined;
  }
  return { startedAt, completedAt };
}

/** A sprint as the Agile API or the issue's sprint field describes it. */
export type JiraSprint = {
  id: number;
  name?: string;
  state?: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
};

const sprintOfObject = (value: Record<string, unknown>): JiraSprint => {
  const text = (field: string) => {
    const item = value[field];
    return typeof item === 'string' && item && item !== '<null>'
      ? item
      : undefined;
  };
  return {
    id: Number(value.id),
    name: text('name'),
    state: text('state'),
    startDate: toInstant(text('startDate')),
    endDate: toInstant(text('endDate')),
    completeDate: toInstant(text('completeDate')),
  };
};

/**
 * The sprints of an issue's sprint field: objects on Jira Cloud, and on Data Center and Server
 * the strings `com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=2,rapidViewId=1,...]`.
 */
export function parseSprintField(value: unknown): JiraSprint[] {
  const sprints: JiraSprint[] = [];
  for (const item of Array.isArray(value) ? value : []) {
    let sprint: JiraSprint | undefined;
    if (typeof item === 'string') {
      const body = /\[(.*)\]\s*$/s.exec(item)?.[1];
      if (body) {
        const fields: Record<string, string> = {};
        // A name may hold commas: a value ends where `,key=` begins.
        for (const match of body.matchAll(/(\w+)=(.*?)(?=,\w+=|$)/gs)) {
          fields[match[1]] = match[2];
        }
        sprint = sprintOfObject(fields);
      }
    } else if (item && typeof item === 'object') {
      sprint = sprintOfObject(item as Record<string, unknown>);
    }
    if (sprint && Number.isInteger(sprint.id)) {
      sprints.push(sprint);
    }
  }
  return sprints;
}

/**
 * The sprint a work item counts in: for a completed item, the sprint running when it was
 * completed (the latest started one when several, or else the latest started before it), so an
 * issue carried over into the next sprint counts there; for an open item its latest sprint.
 */
export function sprintOf(
  sprints: JiraSprint[],
  completedAt?: string,
): JiraSprint | undefined {
  const byStart = [...sprints].sort(
    (a, b) =>
      (a.startDate ?? '\uffff').localeCompare(b.startDate ?? '\uffff') ||
      a.id - b.id,
  );
  if (!completedAt) {
    return byStart.at(-1);
  }
  const startedBefore = byStart.filter(
    sprint => sprint.startDate && sprint.startDate <= completedAt,
  );
  const running = startedBefore.filter(sprint => {
    const end = sprint.completeDate ?? sprint.endDate;
    return !end || completedAt <= end;
  });
  return running.at(-1) ?? startedBefore.at(-1) ?? byStart.at(-1);
}

/** A work item as the ingestion accepts it. */
export type WorkItemEvent = {
  type: 'workItem';
  source: string;
  id: string;
  entityRef: string;
  kind: WorkItemKind;
  createdAt: string;
  startedAt?: string;
  completedAt?: string;
  sprint?: string;
  sprintStartedAt?: string;
  sprintEndsAt?: string;
  sprintCompletedAt?: string;
  escaped: boolean;
  points?: number;
};

/** What the provider gathered about one issue. */
export type IssueFacts = {
  key: string;
  issueType: string;
  created: unknown;
  resolutionDate?: unknown;
  currentCategory?: StatusCategory;
  changes: StatusChange[];
  points?: number;
  sprints: JiraSprint[];
  foundInProduction: boolean;
};

/** The work item of an issue, or why it is none. */
export function toWorkItemEvent(
  issue: IssueFacts,
  options: { entityRef: string; issueTypes: IssueTypeMapping },
): MappedRecord<WorkItemEvent> | undefined {
  const kind = kindOf(issue.issueType, options.issueTypes);
  if (kind === 'ignore') {
    return undefined;
  }
  const createdAt = toInstant(issue.created);
  if (!createdAt) {
    return {
      skipped: { id: issue.key, reason: 'issue without a valid created' },
    };
  }
  const { startedAt, completedAt } = flowTimes({
    createdAt,
    currentCategory: issue.currentCategory,
    resolutionDate: toInstant(issue.resolutionDate),
    changes: issue.changes,
  });
  const sprint = sprintOf(issue.sprints, completedAt);
  const event: WorkItemEvent = {
    type: 'workItem',
    source: JIRA_SOURCE,
    id: issue.key,
    entityRef: options.entityRef,
    kind,
    createdAt,
    escaped: kind === 'bug' && issue.foundInProduction,
  };
  const optional: Partial<WorkItemEvent> = {
    startedAt,
    completedAt,
    points:
      issue.points !== undefined && issue.points >= 0
        ? issue.points
        : undefined,
    sprint: sprint?.name?.slice(0, 255),
    sprintStartedAt: sprint?.name ? sprint.startDate : undefined,
    sprintEndsAt:
      sprint?.name &&
      sprint.endDate &&
      sprint.startDate &&
      sprint.endDate >= sprint.startDate
        ? sprint.endDate
        : undefined,
    sprintCompletedAt:
      sprint?.name &&
      sprint.completeDate &&
      sprint.startDate &&
      sprint.completeDate >= sprint.startDate
        ? sprint.completeDate
        : undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) {
      (event as Record<string, unknown>)[key] = value;
    }
  }
  return { event };
}
