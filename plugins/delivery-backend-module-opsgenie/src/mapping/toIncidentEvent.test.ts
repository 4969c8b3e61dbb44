import { toIncidentEvent } from './toIncidentEvent';

const ENTITY = 'component:default/checkout';

// The example alert of Opsgenie's List Alerts documentation.
const alert = {
  id: '70413a06-38d6-4c85-92b8-5ebc900d42e2',
  tinyId: '1791',
  alias: 'event_573',
  message: 'Our servers are in danger',
  status: 'closed',
  acknowledged: false,
  priority: 'P4',
  createdAt: '2017-03-21T20:32:52.353Z',
  updatedAt: '2017-04-03T20:32:57.301Z',
  report: {
    ackTime: 15702,
    closeTime: 60503,
    acknowledgedBy: 'alice@opsgenie.com',
    closedBy: 'bob@opsgenie.com',
  },
};

describe('toIncidentEvent', () => {
  it('maps a closed alert with the times of its report', () => {
    expect(
      toIncidentEvent(
        alert,
        'alerts',
        ENTITY,
        'https://acme.app.opsgenie.com/',
      ),
    ).toEqual({
      event: {
        type: 'incident',
        source: 'opsgenie',
        id: alert.id,
        entityRef: ENTITY,
        severity: 'P4',
        title: 'Our servers are in danger',
        openedAt: '2017-03-21T20:32:52.353Z',
        acknowledgedAt: '2017-03-21T20:33:08.055Z',
        resolvedAt: '2017-03-21T20:33:52.856Z',
        url: `https://acme.app.opsgenie.com/alert/detail/${alert.id}/details`,
      },
    });
  });

  it('closes an alert without a report at its last update, and leaves an open one open', () => {
    const closed = toIncidentEvent({ ...alert, report: {} }, 'alerts', ENTITY);
    expect('event' in closed && closed.event).toMatchObject({
      resolvedAt: '2017-04-03T20:32:57.301Z',
    });
    expect('event' in closed && closed.event.url).toBeUndefined();
    const open = toIncidentEvent(
      { ...alert, status: 'open', report: { ackTime: 1000 } },
      'alerts',
      ENTITY,
    );
    expect('event' in open && open.event.resolvedAt).toBeUndefined();
    expect('event' in open && open.event.acknowledgedAt).toBe(
      '2017-03-21T20:32:53.353Z',
    );
  });

  it('resolves an incident at the end of its impact', () => {
    const mapped = toIncidentEvent(
      {
        id: '6d5c9f6a-7b48-4b0b-a2d6-e9bd3f5ff1e5',
        message: 'Checkout is down',
        status: 'resolved',
        priority: 'P1',
        createdAt: '2026-11-20T10:00:00Z',
        updatedAt: '2026-11-20T13:00:00Z',
        impactEndDate: '2026-11-20T12:00:00Z',
        links: { web: 'https://acme.app.opsgenie.com/incident/detail/6d5c' },
      },
      'incidents',
      ENTITY,
    );
    expect('event' in mapped && mapped.event).toMatchObject({
      resolvedAt: '2026-11-20T12:00:00.000Z',
      url: 'https://acme.app.opsgenie.com/incident/detail/6d5c',
    });
  });

  it.each([
    [{ id: undefined }, 'alert without a valid id'],
    [{ createdAt: 'yesterday' }, 'alert without a valid createdAt'],
    [{ report: {}, updatedAt: undefined }, 'closed without a time'],
    [
      { report: {}, updatedAt: '2017-03-01T00:00:00Z' },
      'closed before it was created',
    ],
  ])('skips a malformed alert (%j)', (change, reason) => {
    expect(toIncidentEvent({ ...alert, ...change }, 'alerts', ENTITY)).toEqual({
      skipped: expect.objectContaining({ reason }),
    });
  });
});
