import { ReportWorkItem } from '../../database/ReportRecordsQuery';
import { reportLocale } from '../i18n';
import { renderRetrospective, sprintSpan } from './retrospective';

const item = (
  id: string,
  fields: Partial<ReportWorkItem> & { createdAt: string },
): ReportWorkItem => ({
  source: 'jira',
  id,
  entityRef: 'component:default/a',
  kind: 'story',
  sprint: 'Спринт 7',
  startedAt: null,
  completedAt: null,
  points: null,
  escaped: false,
  ...fields,
});

const items = [
  item('A-1', {
    createdAt: '2026-10-01T00:00:00Z',
    startedAt: '2026-10-05T00:00:00Z',
    completedAt: '2026-10-07T00:00:00Z',
    points: 3,
  }),
  item('A-2', {
    createdAt: '2026-10-01T00:00:00Z',
    startedAt: '2026-10-06T00:00:00Z',
    completedAt: '2026-10-16T00:00:00Z',
    points: 5,
  }),
  // Joined after the sprint had started and was never finished.
  item('A-3', { createdAt: '2026-10-08T00:00:00Z', points: 2, kind: 'bug' }),
];
const now = new Date('2026-10-20T00:00:00Z');

describe('sprintSpan', () => {
  it('runs from the first start to now while an item is open', () => {
    expect(sprintSpan(items, now)).toEqual({
      from: new Date('2026-10-05T00:00:00Z'),
      to: now,
    });
  });

  it('ends just after the last completion once every item is done', () => {
    expect(sprintSpan(items.slice(0, 2), now).to).toEqual(
      new Date('2026-10-16T00:00:00.001Z'),
    );
  });
});

describe('renderRetrospective', () => {
  const input = {
    subject: { entityRef: 'component:default/a', title: 'a' },
    sprint: 'Спринт 7',
    items,
    incidents: [],
    generatedAt: now,
  };

  it('lists completed and carried-over items, cycle time and scope change in Russian', () => {
    const text = renderRetrospective(input, reportLocale('ru'));
    expect(text).toContain('# Ретроспектива спринта Спринт 7');
    expect(text).toContain(
      'Спринт шёл с 5 октября 2026 г. по 19 октября 2026 г.',
    );
    expect(text).toContain(
      'Завершено: 2 задачи (8 баллов). Перенесено: 1 задача.',
    );
    expect(text).toContain('| A-1 | story | 3 | 2 дня |');
    expect(text).toContain('| A-3 | bug | 2 | не начата |');
    // Median of 48 h and 240 h is 144 h = 6 days.
    expect(text).toContain('Медиана 6 дней');
    expect(text).toContain(
      'После начала спринта добавлено: 1 задача (2 балла).',
    );
    expect(text).toContain('Почему задачи были перенесены (1 задача)');
    expect(text).not.toContain('Как инциденты во время спринта');
  });

  it('writes the same in English', () => {
    const text = renderRetrospective(input, reportLocale('en'));
    expect(text).toContain(
      'Completed: 2 items (8 points). Carried over: 1 item.',
    );
    expect(text).toContain(
      '1 item (2 points) joined after the sprint had started.',
    );
  });
});
