import { toIncidentEvent } from './toIncidentEvent';

const ENTITY = 'component:default/checkout';

const incident = {
  id: 'PT4KHLK',
  title: 'The server is on fire.',
  html_url: 'https://subdomain.pagerduty.com/incidents/PT4KHLK',
  status: 'resolved',
  urgency: 'high',
  priority: null,
  created_at: '2015-10-06T21:30:42Z',
  last_status_change_at: '2015-10-06T21:38:23Z',
  resolved_at: '2015-10-06T21:38:23Z',
  acknowledgements: [],
};

describe('toIncidentEvent', () => {
  it('maps a resolved incident with its urgency as severity', () => {
    expect(toIncidentEvent(incident, ENTITY)).toEqual({
      event: {
        type: 'incident',
        source: 'pagerduty',
        id: 'PT4KHLK',
        entityRef: ENTITY,
        severity: 'high',
        title: 'The server is on fire.',
        openedAt: '2015-10-06T21:30:42.000Z',
        resolvedAt: '2015-10-06T21:38:23.000Z',
        url: 'https://subdomain.pagerduty.com/incidents/PT4KHLK',
      },
    });
  });

  it('prefers the priority to the urgency', () => {
    const mapped = toIncidentEvent(
      { ...incident, priority: { id: 'P53ZZH5', summary: 'P2' } },
      ENTITY,
    );
    expect('event' in mapped && mapped.event.severity).toBe('P2');
  });

  it('takes the first of the acknowledgements, or the status change of an acknowledged incident', () => {
    const acknowledged = {
      ...incident,
      status: 'acknowledged',
      resolved_at: null,
      last_status_change_at: '2015-10-06T21:40:00Z',
    };
    const withAcks = toIncidentEvent(
      {
        ...acknowledged,
        acknowledgements: [
          { at: '2015-10-06T21:35:00Z' },
          { at: '2015-10-06T21:32:00Z' },
        ],
      },
      ENTITY,
    );
    expect('event' in withAcks && withAcks.event).toMatchObject({
      acknowledgedAt: '2015-10-06T21:32:00.000Z',
    });
    expect('event' in withAcks && withAcks.event.resolvedAt).toBeUndefined();
    const withoutAcks = toIncidentEvent(acknowledged, ENTITY);
    expect('event' in withoutAcks && withoutAcks.event.acknowledgedAt).toBe(
      '2015-10-06T21:40:00.000Z',
    );
  });

  it('resolves with the time a webhook reports', () => {
    const mapped = toIncidentEvent(
      { ...incident, status: 'triggered', resolved_at: null },
      ENTITY,
      { resolvedAt: '2015-10-06T22:00:00Z' },
    );
    expect('event' in mapped && mapped.event.resolvedAt).toBe(
      '2015-10-06T22:00:00.000Z',
    );
  });

  it('drops an acknowledgement before the incident opened but keeps the incident', () => {
    const mapped = toIncidentEvent(
      { ...incident, acknowledgements: [{ at: '2015-10-06T21:00:00Z' }] },
      ENTITY,
    );
    expect('event' in mapped && mapped.event.acknowledgedAt).toBeUndefined();
  });

  it('leaves out a link that is not http(s)', () => {
    const mapped = toIncidentEvent(
      { ...incident, html_url: 'ftp://files.example.com/incident' },
      ENTITY,
    );
    expect('event' in mapped && mapped.event.url).toBeUndefined();
  });

  it.each([
    [{ id: '' }, 'incident without a valid id'],
    [{ created_at: 'yesterday' }, 'incident without a valid created_at'],
    [
      { resolved_at: null, last_status_change_at: undefined },
      'resolved incident without a time',
    ],
    [{ resolved_at: '2015-10-06T20:00:00Z' }, 'resolved before it was created'],
  ])('skips a malformed incident (%j)', (change, reason) => {
    expect(toIncidentEvent({ ...incident, ...change }, ENTITY)).toEqual({
      skipped: expect.objectContaining({ reason }),
    });
  });
});
