import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { DeliveryApi, deliveryApiRef } from '../../api';
import { DeliveryStatusPage } from './DeliveryStatusPage';

const apiReturning = (getHealth: DeliveryApi['getHealth']): DeliveryApi => ({
  getHealth,
});

describe('DeliveryStatusPage', () => {
  it('shows the database and the installed providers', async () => {
    await renderInTestApp(<DeliveryStatusPage />, {
      apis: [
        [
          deliveryApiRef,
          apiReturning(async () => ({
            status: 'ok',
            database: 'pg',
            providers: ['github', 'pagerduty'],
          })),
        ],
      ],
    });

    expect(await screen.findByText('github, pagerduty')).toBeInTheDocument();
    expect(screen.getByText('pg')).toBeInTheDocument();
  });

  it('tells the user how to get data in when no provider is installed', async () => {
    await renderInTestApp(<DeliveryStatusPage />, {
      apis: [
        [
          deliveryApiRef,
          apiReturning(async () => ({
            status: 'ok',
            database: 'better-sqlite3',
            providers: [],
          })),
        ],
      ],
    });

    expect(await screen.findByText('none installed')).toBeInTheDocument();
    expect(screen.getByText(/posted to the ingestion API/)).toBeInTheDocument();
  });

  it('shows the error when the backend cannot be reached', async () => {
    await renderInTestApp(<DeliveryStatusPage />, {
      apis: [
        [
          deliveryApiRef,
          apiReturning(async () => {
            throw new Error('backend unavailable');
          }),
        ],
      ],
    });

    expect(
      await screen.findByText('Error: backend unavailable', { selector: 'h6' }),
    ).toBeInTheDocument();
  });
});
