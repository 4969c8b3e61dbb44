import { http, HttpResponse } from 'msw';

// Response shapes of the Jira Cloud platform REST API v3, the Jira Data Center REST API v2 and the
// Jira Software Agile REST API 1.0 documentation (search/jql, search, issue changelog, field,
// status, board, board sprints). Jira writes times as `2026-11-20T10:00:00.000+0000`.

/** `days` days before `now` in Jira's form. */
export const jiraDaysAgo = (days: number, now = Date.now()) =>
  new Date(Math.floor((now - days * 86_400_000) / 1000) * 1000)
    .toISOString()
    .replace('Z', '+0000');

export const STATUSES = {
  todo: { id: '10000', name: 'To Do', category: 'new' },
  inProgress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  inReview: { id: '10001', name: 'In Review', category: 'indeterminate' },
  done: { id: '10002', name: 'Done', category: 'done' },
  closed: { id: '6', name: 'Closed', category: 'done' },
} as const;

export type FakeStatus = keyof typeof STATUSES;

const CATEGORY_NAMES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: {
    id: 4,
    key: 'indeterminate',
    colorName: 'yellow',
    name: 'In Progress',
  },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

export const STORY_POINTS_FIELD = 'customfield_10016';
export const SPRINT_FIELD = 'customfield_10020';
export const FOUND_IN_FIELD = 'customfield_10050';

/** An Agile API sprint. */
export type FakeSprint = {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  boardId: number;
};

export type FakeIssue = {
  id: string;
  key: string;
  project: string;
  type: string;
  created: string;
  updated: string;
  status: FakeStatus;
  /** Status moves, oldest first; other field changes are interleaved with `noise`. */
  moves: { at: string; to: FakeStatus }[];
  /** Changelog entries of other fields before the status moves (e.g. edits). */
  noise?: number;
  labels?: string[];
  components?: string[];
  points?: number;
  sprints?: number[];
  foundIn?: string;
};

/** The changelog histories of an issue, oldest first, as Jira lists them. */
function historiesOf(issue: FakeIssue) {
  const histories: unknown[] = [];
  let id = Number(issue.id) * 100;
  for (let i = 0; i < (issue.noise ?? 0); i++) {
    histories.push({
      id: String(++id),
      author: {
        accountId: '5b10a2844c20165700ede21g',
        displayName: 'Mia Krystof',
      },
      created: issue.created,
      items: [
        {
          field: 'description',
          fieldtype: 'jira',
          fieldId: 'description',
          from: null,
          fromString: `draft ${i}`,
          to: null,
          toString: `draft ${i + 1}`,
        },
      ],
    });
  }
  let from: FakeStatus = 'todo';
  for (const move of issue.moves) {
    histories.push({
      id: String(++id),
      author: {
        accountId: '5b10a2844c20165700ede21g',
        displayName: 'Mia Krystof',
      },
      created: move.at,
      items: [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: STATUSES[from].id,
          fromString: STATUSES[from].name,
          to: STATUSES[move.to].id,
          toString: STATUSES[move.to].name,
        },
      ],
    });
    from = move.to;
  }
  return histories;
}

const toMillis = (jiraTime: string) =>
  Date.parse(jiraTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

/** A Jira at `baseUrl` that accepts `authorization`. */
export class FakeJira {
  issues: FakeIssue[] = [];
  sprints: FakeSprint[] = [];
  /** Scrum boards per project key. */
  boards = new Map<string, number[]>();
  readonly requests: URL[] = [];
  /** The largest page of issues, changelog entries, boards or sprints. */
  maxPageSize = 100;
  /** Changelog entries embedded in a Cloud search result; the rest is paged separately. */
  embeddedChangelog = 100;
  /** Consulted first for every request; an answer replaces the normal one. */
  intercept?: (url: URL) => Response | undefined;
  /** JQL clauses the fake understands beyond project, component, labels and updated. */
  customClauses = new Map<string, (issue: FakeIssue) => boolean>();

  constructor(
    readonly baseUrl: string,
    readonly hosting: 'cloud' | 'dataCenter',
    readonly authorization: string,
  ) {}

  private get api() {
    return this.hosting === 'cloud' ? '/rest/api/3' : '/rest/api/2';
  }

  requestsTo(path: string) {
    return this.requests.filter(url => url.pathname.endsWith(path));
  }

  searches() {
    return this.requests.filter(url => /\/search(\/jql)?$/.test(url.pathname));
  }

  handlers() {
    const guard =
      (answer: (url: URL, params: Record<string, string>) => Response) =>
      ({
        request,
        params,
      }: {
        request: Request;
        params: Record<string, string | readonly string[] | undefined>;
      }) => {
        const url = new URL(request.url);
        this.requests.push(url);
        const intercepted = this.intercept?.(url);
        if (intercepted) {
          return intercepted;
        }
        if (request.headers.get('authorization') !== this.authorization) {
          return HttpResponse.json(
            {
              errorMessages: [
                'You are not authorized to perform this operation. Please log in.',
              ],
              errors: {},
            },
            { status: 401 },
          );
        }
        return answer(url, params as Record<string, string>);
      };
    const base = `${this.baseUrl}${this.api}`;
    const agile = `${this.baseUrl}/rest/agile/1.0`;
    return [
      http.get(
        `${base}/field`,
        guard(() => HttpResponse.json(this.fields())),
      ),
      http.get(
        `${base}/status`,
        guard(() =>
          HttpResponse.json(
            Object.values(STATUSES).map(status => ({
              self: `${base}/status/${status.id}`,
              description: '',
              iconUrl: `${this.baseUrl}/images/icons/statuses/open.png`,
              name: status.name,
              untranslatedName: status.name,
              id: status.id,
              statusCategory: CATEGORY_NAMES[status.category],
            })),
          ),
        ),
      ),
      http.get(
        `${base}/search/jql`,
        guard(url => {
          const found = this.find(url);
          const offset = Number(
            Buffer.from(
              url.searchParams.get('nextPageToken') ?? 'MA==',
              'base64',
            ).toString(),
          );
          const size = this.pageSize(url);
          const page = found.slice(offset, offset + size);
          const isLast = offset + size >= found.length;
          return HttpResponse.json({
            issues: page.map(issue => this.issueJson(issue, url)),
            ...(isLast
              ? {}
              : {
                  nextPageToken: Buffer.from(String(offset + size)).toString(
                    'base64',
                  ),
                }),
            isLast,
          });
        }),
      ),
      http.get(
        `${base}/search`,
        guard(url => {
          const found = this.find(url);
          const startAt = Number(url.searchParams.get('startAt') ?? 0);
          const size = this.pageSize(url);
          return HttpResponse.json({
            expand: 'schema,names',
            startAt,
            maxResults: size,
            total: found.length,
            issues: found
              .slice(startAt, startAt + size)
              .map(issue => this.issueJson(issue, url)),
          });
        }),
      ),
      http.get(
        `${base}/issue/:id/changelog`,
        guard((url, params) => {
          const issue = this.issues.find(item => item.id === params.id);
          if (!issue) {
            return this.issueNotFound();
          }
          const histories = historiesOf(issue);
          const startAt = Number(url.searchParams.get('startAt') ?? 0);
          const size = this.pageSize(url);
          const values = histories.slice(startAt, startAt + size);
          const isLast = startAt + size >= histories.length;
          return HttpResponse.json({
            self: url.toString(),
            ...(isLast
              ? {}
              : {
                  nextPage: `${base}/issue/${issue.key}/changelog?startAt=${
                    startAt + size
                  }&maxResults=${size}`,
                }),
            maxResults: size,
            startAt,
            total: histories.length,
            isLast,
            values,
          });
        }),
      ),
      http.get(
        `${base}/issue/:id`,
        guard((url, params) => {
          const issue = this.issues.find(item => item.id === params.id);
          if (!issue) {
            return this.issueNotFound();
          }
          return HttpResponse.json(this.issueJson(issue, url, true));
        }),
      ),
      http.get(
        `${agile}/board`,
        guard(url => {
          const boards =
            this.boards.get(url.searchParams.get('projectKeyOrId') ?? '') ?? [];
          return HttpResponse.json(
            this.agilePage(
              url,
              boards.map(id => ({
                id,
                self: `${agile}/board/${id}`,
                name: `Board ${id}`,
                type: 'scrum',
              })),
            ),
          );
        }),
      ),
      http.get(
        `${agile}/board/:boardId/sprint`,
        guard((url, params) =>
          HttpResponse.json(
            this.agilePage(
              url,
              this.sprints
                .filter(sprint => sprint.boardId === Number(params.boardId))
                .map(sprint => ({
                  id: sprint.id,
                  self: `${agile}/sprint/${sprint.id}`,
                  state: sprint.state,
                  name: sprint.name,
                  startDate: sprint.startDate,
                  endDate: sprint.endDate,
                  completeDate: sprint.completeDate,
                  originBoardId: sprint.boardId,
                  goal: '',
                })),
            ),
          ),
        ),
      ),
    ];
  }

  private fields() {
    return [
      {
        id: 'issuetype',
        key: 'issuetype',
        name: 'Issue Type',
        custom: false,
        schema: { type: 'issuetype', system: 'issuetype' },
      },
      {
        id: 'status',
        key: 'status',
        name: 'Status',
        custom: false,
        schema: { type: 'status', system: 'status' },
      },
      {
        id: STORY_POINTS_FIELD,
        key: STORY_POINTS_FIELD,
        name: 'Story point estimate',
        custom: true,
        schema: {
          type: 'number',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
          customId: 10016,
        },
      },
      {
        id: SPRINT_FIELD,
        key: SPRINT_FIELD,
        name: 'Sprint',
        custom: true,
        schema: {
          type: 'array',
          items: 'json',
          custom: 'com.pyxis.greenhopper.jira:gh-sprint',
          customId: 10020,
        },
      },
      {
        id: FOUND_IN_FIELD,
        key: FOUND_IN_FIELD,
        name: 'Found in',
        custom: true,
        schema: {
          type: 'option',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
          customId: 10050,
        },
      },
    ];
  }

  private pageSize(url: URL) {
    return Math.min(
      Number(url.searchParams.get('maxResults') ?? 50),
      this.maxPageSize,
    );
  }

  private agilePage(url: URL, values: unknown[]) {
    const startAt = Number(url.searchParams.get('startAt') ?? 0);
    const size = this.pageSize(url);
    return {
      maxResults: size,
      startAt,
      total: values.length,
      isLast: startAt + size >= values.length,
      values: values.slice(startAt, startAt + size),
    };
  }

  private issueNotFound() {
    return HttpResponse.json(
      {
        errorMessages: [
          'Issue does not exist or you do not have permission to see it.',
        ],
        errors: {},
      },
      { status: 404 },
    );
  }

  /** The issues a search's JQL selects, as far as the fake reads JQL, oldest update first. */
  private find(url: URL): FakeIssue[] {
    const jql = url.searchParams.get('jql') ?? '';
    const list = (text: string) =>
      [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(match => match[1]);
    const values = (field: string) => {
      const match = new RegExp(
        `${field} (?:= ("[^"]*")|in \\(([^)]*)\\))`,
      ).exec(jql);
      return match ? list(match[1] ?? match[2]) : undefined;
    };
    const projects = values('project');
    const components = values('component');
    const labels = values('labels');
    const updated = /updated >= "(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})"/.exec(jql);
    const since = updated ? Date.parse(`${updated[1]}T${updated[2]}:00Z`) : 0;
    return this.issues
      .filter(issue => !projects || projects.includes(issue.project))
      .filter(
        issue =>
          !components ||
          components.some(item => issue.components?.includes(item)),
      )
      .filter(
        issue => !labels || labels.some(item => issue.labels?.includes(item)),
      )
      .filter(issue => toMillis(issue.updated) >= since)
      .filter(issue =>
        [...this.customClauses.entries()].every(
          ([clause, matches]) => !jql.includes(clause) || matches(issue),
        ),
      )
      .sort((a, b) => toMillis(a.updated) - toMillis(b.updated));
  }

  private sprintValue(issue: FakeIssue) {
    const sprints = (issue.sprints ?? []).map(
      id => this.sprints.find(sprint => sprint.id === id)!,
    );
    if (sprints.length === 0) {
      return null;
    }
    if (this.hosting === 'cloud') {
      return sprints.map(sprint => ({
        id: sprint.id,
        name: sprint.name,
        state: sprint.state,
        boardId: sprint.boardId,
        goal: '',
        startDate: sprint.startDate,
        endDate: sprint.endDate,
        completeDate: sprint.completeDate,
      }));
    }
    return sprints.map(
      sprint =>
        `com.atlassian.greenhopper.service.sprint.Sprint@6f7a${sprint.id}[id=${
          sprint.id
        },rapidViewId=${
          sprint.boardId
        },state=${sprint.state.toUpperCase()},name=${sprint.name},startDate=${
          sprint.startDate ?? '<null>'
        },endDate=${sprint.endDate ?? '<null>'},completeDate=${
          sprint.completeDate ?? '<null>'
        },sequence=${sprint.id},goal=<null>]`,
    );
  }

  private issueJson(issue: FakeIssue, url: URL, wholeChangelog = false) {
    const requested = (url.searchParams.get('fields') ?? '').split(',');
    const status = STATUSES[issue.status];
    const all: Record<string, unknown> = {
      issuetype: {
        id: '10001',
        name: issue.type,
        subtask: issue.type === 'Sub-task',
      },
      status: {
        id: status.id,
        name: status.name,
        statusCategory: CATEGORY_NAMES[status.category],
      },
      created: issue.created,
      updated: issue.updated,
      resolutiondate:
        status.category === 'done' ? issue.moves.at(-1)?.at ?? null : null,
      labels: issue.labels ?? [],
      components: (issue.components ?? []).map(name => ({ name })),
      project: { id: '10000', key: issue.project, name: issue.project },
      [STORY_POINTS_FIELD]: issue.points ?? null,
      [SPRINT_FIELD]: this.sprintValue(issue),
      [FOUND_IN_FIELD]: issue.foundIn
        ? {
            self: `${this.baseUrl}/rest/api/2/customFieldOption/1`,
            value: issue.foundIn,
            id: '10100',
          }
        : null,
    };
    const fields = Object.fromEntries(
      Object.entries(all).filter(([name]) => requested.includes(name)),
    );
    const json: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog',
      id: issue.id,
      self: `${this.baseUrl}${this.api}/issue/${issue.id}`,
      key: issue.key,
      fields,
    };
    if (url.searchParams.get('expand')?.includes('changelog')) {
      const histories = historiesOf(issue);
      const embedded =
        this.hosting === 'cloud' && !wholeChangelog
          ? histories.slice(0, this.embeddedChangelog)
          : histories;
      json.changelog = {
        startAt: 0,
        maxResults: embedded.length,
        total: histories.length,
        histories: embedded,
      };
    }
    return json;
  }
}
