import {
  ProviderHttpClient,
  RetryOptions,
  UpstreamError,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { z } from 'zod';
import { JiraHosting } from '../config';

/** Issues per search page: what Jira answers at most when fields are requested. */
const SEARCH_PAGE_SIZE = 100;
/** Changelog entries, boards and sprints per page. */
const PAGE_SIZE = 100;

const changeItemSchema = z.object({
  field: z.string().optional(),
  fieldId: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

const historySchema = z.object({
  created: z.string(),
  items: z.array(changeItemSchema).default([]),
});

export type JiraHistory = z.infer<typeof historySchema>;

const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()),
  changelog: z
    .object({
      startAt: z.number().optional(),
      maxResults: z.number().optional(),
      total: z.number().optional(),
      histories: z.array(historySchema).default([]),
    })
    .optional(),
});

export type JiraIssue = z.infer<typeof issueSchema>;

const cloudSearchSchema = z.object({
  issues: z.array(issueSchema).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

const dataCenterSearchSchema = z.object({
  startAt: z.number(),
  total: z.number(),
  issues: z.array(issueSchema).default([]),
});

const changelogPageSchema = z.object({
  startAt: z.number(),
  total: z.number().optional(),
  isLast: z.boolean().optional(),
  values: z.array(historySchema).default([]),
});

const fieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  schema: z
    .object({ type: z.string().optional(), custom: z.string().optional() })
    .optional(),
});

export type JiraField = z.infer<typeof fieldSchema>;

const statusSchema = z.object({
  id: z.string(),
  name: z.string(),
  statusCategory: z.object({ key: z.string() }).optional(),
});

export type JiraStatus = z.infer<typeof statusSchema>;

const agilePage = <T extends z.ZodType>(value: T) =>
  z.object({
    startAt: z.number().optional(),
    isLast: z.boolean().optional(),
    values: z.array(value).default([]),
  });

const boardSchema = z.object({ id: z.number(), type: z.string().optional() });

const agileSprintSchema = z
  .object({ id: z.number(), name: z.string() })
  .catchall(z.unknown());

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError(`Jira answered ${what} in an unexpected shape`);
  }
  return parsed.data;
}

/**
 * The REST API of one Jira: Cloud (`/rest/api/3`, searched with `nextPageToken`) or Data Center
 * and Server (`/rest/api/2`, searched with `startAt`), and the Agile API (`/rest/agile/1.0`) of
 * both. Every request goes through `fetchWithRetry`.
 */
export class JiraClient {
  private readonly http: ProviderHttpClient;
  private readonly api: string;

  constructor(
    private readonly options: {
      baseUrl: string;
      hosting: JiraHosting;
      authorization: string;
      retry: RetryOptions;
    },
  ) {
    this.api = options.hosting === 'cloud' ? '/rest/api/3' : '/rest/api/2';
    this.http = new ProviderHttpClient({
      baseUrl: options.baseUrl,
      headers: { Authorization: options.authorization },
      retry: options.retry,
      errorDetail,
    });
  }

  /** Every field, system and custom (`GET /rest/api/{2|3}/field`). */
  async fields(): Promise<JiraField[]> {
    return parseBody(
      z.array(fieldSchema),
      await this.http.get(`${this.api}/field`),
      'the field list',
    );
  }

  /** Every status with its category (`GET /rest/api/{2|3}/status`). */
  async statuses(): Promise<JiraStatus[]> {
    return parseBody(
      z.array(statusSchema),
      await this.http.get(`${this.api}/status`),
      'the status list',
    );
  }

  /** The pages of issues a JQL search finds, with their changelog when asked. */
  async *search(
    jql: string,
    fields: string[],
    options: { changelog?: boolean } = {},
  ): AsyncGenerator<JiraIssue[]> {
    const query = {
      jql,
      fields: fields.join(','),
      expand: options.changelog ? 'changelog' : undefined,
      maxResults: SEARCH_PAGE_SIZE,
    };
    if (this.options.hosting === 'cloud') {
      let nextPageToken: string | undefined;
      do {
        const page = parseBody(
          cloudSearchSchema,
          await this.http.get(`${this.api}/search/jql`, {
            ...query,
            nextPageToken,
          }),
          'a search',
        );
        yield page.issues;
        nextPageToken =
          page.isLast || !page.nextPageToken ? undefined : page.nextPageToken;
      } while (nextPageToken);
      return;
    }
    for (let startAt = 0; ; ) {
      const page = parseBody(
        dataCenterSearchSchema,
        await this.http.get(`${this.api}/search`, { ...query, startAt }),
        'a search',
      );
      yield page.issues;
      startAt = page.startAt + page.issues.length;
      if (page.issues.length === 0 || startAt >= page.total) {
        return;
      }
    }
  }

  /**
   * An issue's whole changelog, oldest first: Cloud pages it at `/issue/{id}/changelog`; Data
   * Center returns it whole with the issue.
   */
  async changelog(issueId: string): Promise<JiraHistory[]> {
    const path = `${this.api}/issue/${encodeURIComponent(issueId)}`;
    if (this.options.hosting === 'dataCenter') {
      const issue = parseBody(
        issueSchema,
        await this.http.get(path, { fields: 'status', expand: 'changelog' }),
        `the changelog of ${issueId}`,
      );
      return issue.changelog?.histories ?? [];
    }
    const histories: JiraHistory[] = [];
    for (let startAt = 0; ; ) {
      const page = parseBody(
        changelogPageSchema,
        await this.http.get(`${path}/changelog`, {
          startAt,
          maxResults: PAGE_SIZE,
        }),
        `the changelog of ${issueId}`,
      );
      histories.push(...page.values);
      startAt = page.startAt + page.values.length;
      if (
        page.isLast ||
        page.values.length === 0 ||
        (page.total !== undefined && startAt >= page.total)
      ) {
        return histories;
      }
    }
  }

  /** The scrum boards of a project (`GET /rest/agile/1.0/board?projectKeyOrId=`). */
  async scrumBoards(projectKey: string): Promise<number[]> {
    const boards = await this.agileList(
      '/rest/agile/1.0/board',
      { projectKeyOrId: projectKey, type: 'scrum' },
      boardSchema,
    );
    return boards.map(board => board.id);
  }

  /** The sprints of a board, any state (`GET /rest/agile/1.0/board/{id}/sprint`). */
  async sprints(boardId: number): Promise<Record<string, unknown>[]> {
    return this.agileList(
      `/rest/agile/1.0/board/${boardId}/sprint`,
      {},
      agileSprintSchema,
    );
  }

  private async agileList<T>(
    path: string,
    query: Record<string, string>,
    item: z.ZodType<T>,
  ): Promise<T[]> {
    const items: T[] = [];
    for (let startAt = 0; ; ) {
      const page = parseBody(
        agilePage(item),
        await this.http.get(path, { ...query, startAt, maxResults: PAGE_SIZE }),
        `the list at ${path}`,
      );
      items.push(...(page.values as T[]));
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0) {
        return items;
      }
    }
  }
}

/** Jira's own explanation of an error (`errorMessages`, `errors`), at most 200 characters. */
function errorDetail(body: string): string | undefined {
  const parsed = JSON.parse(body) as {
    errorMessages?: unknown[];
    errors?: Record<string, unknown>;
  };
  const messages = [
    ...(parsed.errorMessages ?? []),
    ...Object.values(parsed.errors ?? {}),
  ].filter((message): message is string => typeof message === 'string');
  return messages.length ? messages.join('; ').slice(0, 200) : undefined;
}
