import { isPromqlVectorSelector } from './promqlSelector';

describe('isPromqlVectorSelector', () => {
  it.each([
    'http_requests_total',
    'http_requests_total{job="checkout",code!~"5.."}',
    ' http_requests_total { job = "checkout" , code =~ "2..|3..", } ',
    "requests:total{le='0.3'}",
    '{__name__="http_requests_total", job!="batch"}',
    '{"http.server.requests", "service.name"="checkout"}',
    'http_requests_total{path="/a}b", note="say \\"hi\\""}',
    'http_requests_total{path=`C:\\raw`}',
  ])('accepts %s', query => {
    expect(isPromqlVectorSelector(query)).toBe(true);
  });

  it.each([
    '',
    '   ',
    'rate(http_requests_total[5m])',
    'http_requests_total[5m]',
    '(http_requests_total)',
    'sum(http_requests_total)',
    'http_requests_total offset 5m',
    'http_requests_total @ 1700000000',
    'a{x="1"} + b{y="2"}',
    'http_requests_total{code=5}',
    'http_requests_total{job="a"',
    'http_requests_total{job="a"} or vector(0)',
  ])('rejects %p', query => {
    expect(isPromqlVectorSelector(query)).toBe(false);
  });
});
