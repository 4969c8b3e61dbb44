import { Entity } from '@backstage/catalog-model';
import { annotationValues } from '@delivery-insights/backstage-plugin-delivery-node';

/** The Backstage Jira plugins' annotations. */
export const JIRA_PROJECT_KEY_ANNOTATION = 'jira/project-key';
export const JIRA_COMPONENT_ANNOTATION = 'jira/component';
export const JIRA_LABEL_ANNOTATION = 'jira/label';
/** Our own: any JQL that selects the entity's issues. */
export const JIRA_JQL_ANNOTATION = 'delivery-insights.io/jira-jql';

/** A JQL string literal. */
export const jqlString = (value: string) =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const clause = (field: string, values: string[]) =>
  values.length === 1
    ? `${field} = ${jqlString(values[0])}`
    : `${field} in (${values.map(jqlString).join(', ')})`;

/**
 * The JQL that selects an entity's issues: its projects, narrowed to its components and labels,
 * and its own JQL, all required; undefined when the entity names neither projects nor JQL.
 */
export function entityJql(entity: Entity): string | undefined {
  const projects = annotationValues(entity, JIRA_PROJECT_KEY_ANNOTATION);
  const own = entity.metadata.annotations?.[JIRA_JQL_ANNOTATION]?.trim();
  if (projects.length === 0 && !own) {
    return undefined;
  }
  const clauses: string[] = [];
  if (projects.length > 0) {
    clauses.push(clause('project', projects));
    const components = annotationValues(entity, JIRA_COMPONENT_ANNOTATION);
    if (components.length > 0) {
      clauses.push(clause('component', components));
    }
    const labels = annotationValues(entity, JIRA_LABEL_ANNOTATION);
    if (labels.length > 0) {
      clauses.push(clause('labels', labels));
    }
  }
  if (own) {
    clauses.push(`(${own})`);
  }
  return clauses.join(' AND ');
}

/**
 * JQL reads dates in the Jira user's time zone, which the API does not tell: the search starts a
 * day before the cursor, so that no zone from UTC-12 to UTC+14 misses an update (re-read issues
 * are upserted, never duplicated).
 */
export const JQL_OVERLAP_MS = 86_400_000;

/** `updated >= "yyyy-MM-dd HH:mm"`, a day before the instant. */
export function updatedSince(instant: string): string {
  const at = new Date(Date.parse(instant) - JQL_OVERLAP_MS).toISOString();
  return `updated >= "${at.slice(0, 10)} ${at.slice(11, 16)}"`;
}

/** The incremental search of an entity's issues, oldest update first. */
export function searchJql(entityClause: string, since: string): string {
  return `(${entityClause}) AND ${updatedSince(since)} ORDER BY updated ASC`;
}
