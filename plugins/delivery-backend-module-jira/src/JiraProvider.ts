import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entitiesWithAnnotation,
  EntitySyncProvider,
  EntitySyncTarget,
  jsonCursor,
  MappedRecord,
  partitionMapped,
  toInstant,
  UpstreamError,
} from '@delivery-insights/backstage-plugin-delivery-node';
import {
  JiraClient,
  JiraField,
  JiraHistory,
  JiraIssue,
} from './client/JiraClient';
import { ProductionBugRules } from './config';
import {
  entityJql,
  JIRA_JQL_ANNOTATION,
  JIRA_PROJECT_KEY_ANNOTATION,
  searchJql,
} from './mapping/jql';
import {
  IssueTypeMapping,
  JIRA_SOURCE,
  JiraSprint,
  parseSprintField,
  StatusCategory,
  StatusChange,
  toWorkItemEvent,
  WorkItemEvent,
} from './mapping/workItems';

export const JIRA_SYNC_TASK_ID = 'delivery-jira-sync';

/** The custom fields Jira names story points by default (company- and team-managed projects). */
export const DEFAULT_STORY_POINTS_FIELDS = [
  'Story Points',
  'Story point estimate',
];
const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
const DAY_MS = 86_400_000;

type JiraTarget = EntitySyncTarget & { jql: string };

/** The newest `updated` of the issues stored; the next search starts from it. */
type Cursor = { since: string };

const cursorJson = jsonCursor<Cursor>(parsed => {
  const since = toInstant((parsed as Partial<Cursor> | null)?.since);
  return since ? { since } : undefined;
});

const CATEGORIES: StatusCategory[] = ['new', 'indeterminate', 'done'];
const toCategory = (key: unknown) =>
  CATEGORIES.find(category => category === key);

/** What one sync pass reads once and shares between entities. */
type PassContext = {
  storyPointsFields: string[];
  sprintField?: string;
  productionField?: string;
  categoryOfStatus: Map<string, StatusCategory>;
  categoryOfStatusName: Map<string, StatusCategory>;
  sprints: Map<number, JiraSprint>;
  /** Projects whose boards' sprints are in `sprints`, or that have none we may read. */
  projectsRead: Set<string>;
};

/** A field by id or (case-insensitive) name. */
function findField(fields: JiraField[], idOrName: string) {
  return (
    fields.find(field => field.id === idOrName) ??
    fields.find(field => field.name.toLowerCase() === idOrName.toLowerCase())
  );
}

const matchesValue = (value: unknown, wanted: string[]): boolean => {
  if (Array.isArray(value)) {
    return value.some(item => matchesValue(item, wanted));
  }
  const text =
    typeof value === 'string'
      ? value
      : (value as { value?: unknown; name?: unknown } | null)?.value ??
        (value as { name?: unknown } | null)?.name;
  return (
    typeof text === 'string' &&
    wanted.some(item => item.toLowerCase() === text.toLowerCase())
  );
};

/**
 * Jira issues of the entities annotated with `jira/project-key` (narrowed by `jira/component`
 * and `jira/label`) or `delivery-insights.io/jira-jql`, as work items, synchronised from each
 * entity's newest stored update.
 */
export class JiraProvider extends EntitySyncProvider<JiraTarget> {
  private pass?: Promise<PassContext>;

  constructor(
    private readonly options: {
      client: JiraClient;
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      scheduler: SchedulerService;
      schedule: SchedulerServiceTaskScheduleDefinition;
      backfillDays: number;
      storyPointsFields?: string[];
      sprintField?: string;
      issueTypes: IssueTypeMapping;
      productionBugs: ProductionBugRules;
    },
  ) {
    super({
      ...options,
      providerId: JIRA_SOURCE,
      displayName: 'Jira',
      taskId: JIRA_SYNC_TASK_ID,
    });
  }

  /** Fields, statuses and sprints are read again on every pass: they change in Jira. */
  async sync(): Promise<void> {
    this.pass = undefined;
    try {
      await super.sync();
    } finally {
      this.pass = undefined;
    }
  }

  protected async targets(): Promise<JiraTarget[]> {
    const { catalog, auth } = this.options;
    const targets = new Map<string, JiraTarget>();
    for (const annotation of [
      JIRA_PROJECT_KEY_ANNOTATION,
      JIRA_JQL_ANNOTATION,
    ]) {
      for (const entity of await entitiesWithAnnotation(
        catalog,
        auth,
        annotation,
      )) {
        const entityRef = stringifyEntityRef(entity);
        const jql = entityJql(entity);
        if (jql && !targets.has(entityRef)) {
          targets.set(entityRef, { entity, entityRef, jql });
        }
      }
    }
    return [...targets.values()].sort((a, b) =>
      a.entityRef.localeCompare(b.entityRef),
    );
  }

  protected describe({ entityRef, jql }: JiraTarget) {
    return `${entityRef} (${jql})`;
  }

  protected async syncEntity({ entityRef, jql }: JiraTarget) {
    const { client, productionBugs } = this.options;
    const { syncState } = this.connected();
    const context = await this.passContext();
    const cursor = cursorJson.parse(await syncState.getCursor(entityRef));
    const since =
      cursor?.since ??
      new Date(Date.now() - this.options.backfillDays * DAY_MS).toISOString();

    let productionKeys: Set<string> | undefined;
    if (productionBugs.jql) {
      productionKeys = new Set();
      for await (const page of client.search(
        searchJql(`(${jql}) AND (${productionBugs.jql})`, since),
        ['issuetype'],
      )) {
        page.forEach(issue => productionKeys!.add(issue.key));
      }
    }

    const fields = [
      'issuetype',
      'status',
      'created',
      'updated',
      'resolutiondate',
      'labels',
      'project',
      ...context.storyPointsFields,
      ...(context.sprintField ? [context.sprintField] : []),
      ...(context.productionField ? [context.productionField] : []),
    ];
    let newest = cursor?.since;
    for await (const page of client.search(searchJql(jql, since), fields, {
      changelog: true,
    })) {
      await this.readSprintsOf(page, context);
      const mapped: MappedRecord<WorkItemEvent>[] = [];
      for (const issue of page) {
        const record = toWorkItemEvent(
          await this.factsOf(issue, context, productionKeys),
          { entityRef, issueTypes: this.options.issueTypes },
        );
        if (record) {
          mapped.push(record);
        }
        const updated = toInstant(issue.fields.updated);
        if (updated && (!newest || updated > newest)) {
          newest = updated;
        }
      }
      const { events, skipped } = partitionMapped(mapped);
      await this.ingest(events);
      await syncState.saveProgress(entityRef, {
        cursor: newest ? cursorJson.serialize({ since: newest }) : undefined,
        recordsSeen: page.length,
        skipped,
      });
    }
  }

  private passContext(): Promise<PassContext> {
    if (!this.pass) {
      this.pass = this.readPassContext();
      // A failed read is tried again by the next entity.
      this.pass.catch(() => {
        this.pass = undefined;
      });
    }
    return this.pass;
  }

  private async readPassContext(): Promise<PassContext> {
    const { client, productionBugs } = this.options;
    const [fields, statuses] = await Promise.all([
      client.fields(),
      client.statuses(),
    ]);
    const required = (idOrName: string, setting: string) => {
      const field = findField(fields, idOrName);
      if (!field) {
        throw new Error(
          `Jira has no field ${idOrName} (delivery.jira.${setting})`,
        );
      }
      return field.id;
    };
    const storyPointsFields = this.options.storyPointsFields
      ? this.options.storyPointsFields.map(field =>
          required(field, 'storyPointsField'),
        )
      : DEFAULT_STORY_POINTS_FIELDS.flatMap(name => {
          const field = findField(fields, name);
          return field ? [field.id] : [];
        });
    const sprintField = this.options.sprintField
      ? required(this.options.sprintField, 'sprintField')
      : (
          fields.find(field => field.schema?.custom === SPRINT_FIELD_TYPE) ??
          findField(fields, 'Sprint')
        )?.id;
    const categoryOfStatus = new Map<string, StatusCategory>();
    const categoryOfStatusName = new Map<string, StatusCategory>();
    for (const status of statuses) {
      const category = toCategory(status.statusCategory?.key);
      if (category) {
        categoryOfStatus.set(status.id, category);
        categoryOfStatusName.set(status.name.toLowerCase(), category);
      }
    }
    return {
      storyPointsFields: [...new Set(storyPointsFields)],
      sprintField,
      productionField: productionBugs.field
        ? required(productionBugs.field.field, 'productionBugs.field')
        : undefined,
      categoryOfStatus,
      categoryOfStatusName,
      sprints: new Map(),
      projectsRead: new Set(),
    };
  }

  /** The sprints of the scrum boards of the page's projects, once per pass and project. */
  private async readSprintsOf(page: JiraIssue[], context: PassContext) {
    if (!context.sprintField) {
      return;
    }
    for (const issue of page) {
      const project = (issue.fields.project as { key?: unknown } | undefined)
        ?.key;
      if (
        typeof project !== 'string' ||
        context.projectsRead.has(project) ||
        parseSprintField(issue.fields[context.sprintField]).length === 0
      ) {
        continue;
      }
      context.projectsRead.add(project);
      try {
        for (const board of await this.options.client.scrumBoards(project)) {
          for (const sprint of parseSprintField(
            await this.options.client.sprints(board),
          )) {
            context.sprints.set(sprint.id, sprint);
          }
        }
      } catch (error) {
        // Without Jira Software or the permission to browse boards, the sprint field's own
        // details are what there is.
        if (
          !(error instanceof UpstreamError) ||
          ![403, 404].includes(error.status ?? 0)
        ) {
          throw error;
        }
        this.options.logger.warn(
          `Jira: the boards of project ${project} cannot be read, sprints come from the issues: ${error.message}`,
        );
      }
    }
  }

  private async factsOf(
    issue: JiraIssue,
    context: PassContext,
    productionKeys: Set<string> | undefined,
  ) {
    const { fields } = issue;
    let histories: JiraHistory[] = issue.changelog?.histories ?? [];
    const total = issue.changelog?.total;
    if (total !== undefined && total > histories.length) {
      histories = await this.options.client.changelog(issue.id);
    }
    // By id; by name for a status deleted since (its id is no longer listed).
    const categoryOf = (id?: string | null, name?: string | null) =>
      (id ? context.categoryOfStatus.get(id) : undefined) ??
      (name ? context.categoryOfStatusName.get(name.toLowerCase()) : undefined);
    const changes: StatusChange[] = [];
    for (const history of histories) {
      const at = toInstant(history.created);
      for (const item of history.items) {
        if (at && (item.fieldId ?? item.field) === 'status') {
          changes.push({
            at,
            from: categoryOf(item.from, item.fromString),
            to: categoryOf(item.to, item.toString),
          });
        }
      }
    }
    const status = fields.status as
      | { id?: string; statusCategory?: { key?: string } }
      | undefined;
    const points = context.storyPointsFields
      .map(field => fields[field])
      .find((value): value is number => typeof value === 'number');
    const labels = Array.isArray(fields.labels) ? fields.labels : [];
    const { productionBugs } = this.options;
    const foundInProduction =
      labels.some(
        label =>
          typeof label === 'string' &&
          productionBugs.labels.some(
            wanted => wanted.toLowerCase() === label.toLowerCase(),
          ),
      ) ||
      (context.productionField !== undefined &&
        matchesValue(
          fields[context.productionField],
          productionBugs.field?.values ?? [],
        )) ||
      (productionKeys?.has(issue.key) ?? false);
    const sprints = context.sprintField
      ? parseSprintField(fields[context.sprintField]).map(
          sprint => context.sprints.get(sprint.id) ?? sprint,
        )
      : [];
    return {
      key: issue.key,
      issueType:
        (
          fields.issuetype as { name?: unknown } | undefined
        )?.name?.toString() ?? '',
      created: fields.created,
      resolutionDate: fields.resolutiondate,
      currentCategory:
        toCategory(status?.statusCategory?.key) ??
        (status?.id ? context.categoryOfStatus.get(status.id) : undefined),
      changes,
      points,
      sprints,
      foundInProduction,
    };
  }
}
