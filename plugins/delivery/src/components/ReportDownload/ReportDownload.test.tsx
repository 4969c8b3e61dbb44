import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  DELIVERY_BASE_URL,
  deliveryApis,
  deliveryBackend,
} from '../../__testUtils__/deliveryBackendMock';
import { ReportDownload } from './ReportDownload';
import { nextQuarter, previousMonth } from './reportOptions';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

const renderButton = (entity: Entity, language = 'en') =>
  renderInTestApp(<ReportDownload entity={entity} />, {
    apis: [
      ...deliveryApis(),
      mockApis.appLanguage({
        defaultLanguage: language,
        availableLanguages: ['en', 'ru'],
      }),
    ],
  });

/** What the browser was handed to save: the Blob's text and the anchor's file name. */
function captureDownloads() {
  const saved: { fileName: string; text: Promise<string> }[] = [];
  let lastBlob: Blob | undefined;
  URL.createObjectURL = jest.fn((blob: Blob) => {
    lastBlob = blob;
    return 'blob:report';
  });
  URL.revokeObjectURL = jest.fn();
  jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function click(this: HTMLAnchorElement) {
      saved.push({ fileName: this.download, text: lastBlob!.text() });
    });
  return saved;
}

configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

describe('ReportDownload', () => {
  registerMswTestHooks(deliveryBackend);
  afterEach(() => jest.restoreAllMocks());

  it('downloads a team’s capacity plan with the chosen parameters and saves it under the backend’s name', async () => {
    const requests: URL[] = [];
    deliveryBackend.use(
      http.get(`${DELIVERY_BASE_URL}/reports/capacity`, ({ request }) => {
        requests.push(new URL(request.url));
        return new HttpResponse('# План мощности: team-payments\n', {
          headers: {
            'Content-Type': 'text/markdown; charset=utf-8',
            'Content-Disposition': `attachment; filename="capacity-2027-Q1.md"; filename*=UTF-8''capacity-2027-Q1.md`,
          },
        });
      }),
    );
    const saved = captureDownloads();
    await renderButton(team);

    await userEvent.click(
      screen.getByRole('button', { name: 'Download report' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Download a report',
    });
    expect(dialog).toBeInTheDocument();
    // A team offers the team reports, not a service's runbook or pipeline.
    const reportSelect = screen.getByLabelText('Report');
    expect(
      Array.from((reportSelect as HTMLSelectElement).options).map(o => o.value),
    ).toEqual([
      'delivery-metrics',
      'quality-report',
      'capacity',
      'retrospective',
      'process',
    ]);
    await userEvent.selectOptions(reportSelect, 'capacity');
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'ru');
    expect(screen.getByLabelText('Period')).toHaveValue(
      nextQuarter(new Date()),
    );
    await userEvent.type(screen.getByLabelText('Team size'), '5');
    await userEvent.clear(screen.getByLabelText('Holidays (working days)'));
    await userEvent.type(screen.getByLabelText('Holidays (working days)'), '6');
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(Object.fromEntries(requests[0].searchParams)).toEqual({
      lang: 'ru',
      entityRef: 'group:default/team-payments',
      period: nextQuarter(new Date()),
      teamSize: '5',
      holidays: '6',
      focusFactor: '1',
    });
    expect(saved[0].fileName).toBe('capacity-2027-Q1.md');
    expect(await saved[0].text).toBe('# План мощности: team-payments\n');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('keeps a UTF-8 file name and shows the backend’s error, in Russian', async () => {
    let attempt = 0;
    deliveryBackend.use(
      http.get(`${DELIVERY_BASE_URL}/reports/retrospective`, () => {
        attempt += 1;
        if (attempt === 1) {
          return HttpResponse.json(
            {
              error: {
                name: 'NotFoundError',
                message: 'No work items of sprint "Спринт 9"',
              },
              // The body Backstage's error handler sends.
              request: {
                method: 'GET',
                url: '/api/delivery/reports/retrospective',
              },
              response: { statusCode: 404 },
            },
            { status: 404 },
          );
        }
        return new HttpResponse('# Ретроспектива\n', {
          headers: {
            'Content-Disposition': `attachment; filename="retrospective-7.md"; filename*=UTF-8''${encodeURIComponent(
              'retrospective-Спринт 7.md',
            )}`,
          },
        });
      }),
    );
    const saved = captureDownloads();
    await renderButton(service, 'ru');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Скачать отчёт' }),
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Отчёт'),
      'retrospective',
    );
    expect(screen.getByLabelText('Язык')).toHaveValue('ru');
    const download = screen.getByRole('button', { name: 'Скачать' });
    // A retrospective needs its sprint.
    expect(download).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Спринт'), 'Спринт 9');
    await userEvent.click(download);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Не удалось скачать отчёт: No work items of sprint "Спринт 9"',
    );
    expect(saved).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Скачать' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].fileName).toBe('retrospective-Спринт 7.md');
  });

  it('picks the postmortem’s incident from the window in view', async () => {
    const requests: URL[] = [];
    deliveryBackend.use(
      http.get(
        `${DELIVERY_BASE_URL}/entities/component/default/checkout-service/records`,
        () =>
          HttpResponse.json({
            window: {
              from: '2026-10-01T00:00:00Z',
              to: '2026-10-31T00:00:00Z',
            },
            deployments: [],
            changes: [],
            incidents: [
              {
                source: 'pagerduty',
                id: 'PD-7',
                entityRef: 'component:default/checkout-service',
                severity: 'SEV2',
                title: 'Payments failing',
                url: null,
                openedAt: '2026-10-10T01:00:00Z',
                acknowledgedAt: null,
                resolvedAt: '2026-10-10T03:00:00Z',
                causedByDeploymentId: null,
                timeToRestoreHours: 2,
              },
            ],
            truncated: false,
          }),
      ),
      http.get(`${DELIVERY_BASE_URL}/reports/postmortem`, ({ request }) => {
        requests.push(new URL(request.url));
        return new HttpResponse('# Postmortem\n', {
          headers: {
            'Content-Disposition': 'attachment; filename="postmortem-PD-7.md"',
          },
        });
      }),
    );
    const saved = captureDownloads();
    await renderButton(service);
    await userEvent.click(
      screen.getByRole('button', { name: 'Download report' }),
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Report'),
      'postmortem',
    );
    const picker = await screen.findByLabelText(
      'Incidents of the selected window',
    );
    await userEvent.selectOptions(
      picker,
      screen.getByRole('option', { name: /^PD-7 · Payments failing/ }),
    );
    expect(screen.getByLabelText('Incident ID')).toHaveValue('PD-7');
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(Object.fromEntries(requests[0].searchParams)).toEqual({
      lang: 'en',
      incidentId: 'PD-7',
      source: 'pagerduty',
    });
    expect(saved[0].fileName).toBe('postmortem-PD-7.md');
  });

  it('offers a service’s reports with last month as the default period', async () => {
    await renderButton(service);
    await userEvent.click(
      screen.getByRole('button', { name: 'Download report' }),
    );
    const options = Array.from(
      (screen.getByLabelText('Report') as HTMLSelectElement).options,
    ).map(o => o.textContent);
    expect(options).toEqual([
      'Delivery metrics',
      'Quality report',
      'Postmortem of an incident',
      'Runbook',
      'Delivery pipeline',
      'Sprint retrospective',
      'Delivery process',
    ]);
    expect(screen.getByLabelText('Period')).toHaveValue(
      previousMonth(new Date()),
    );
  });
});
