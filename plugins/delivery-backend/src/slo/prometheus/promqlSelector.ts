// A PromQL string literal: double or single quoted with escapes, or backquoted raw.
const RAW_STRING = '`[^`]*`';
const STRING = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|${RAW_STRING}`;
const LABEL = String.raw`[a-zA-Z_][a-zA-Z0-9_]*|${STRING}`;
// `name op "value"`, or a quoted metric name alone (Prometheus 3 UTF-8 names).
const MATCHER = String.raw`(?:(?:${LABEL})\s*(?:=~|!~|!=|=)\s*(?:${STRING})|${STRING})`;
// Whitespace is consumed in one place only, so a long query cannot make the test slow.
const SELECTOR = new RegExp(
  String.raw`^(?:[a-zA-Z_:][a-zA-Z0-9_:]*)?(?:\s*\{\s*(?:${MATCHER}\s*(?:,\s*${MATCHER}\s*)*(?:,\s*)?)?\})?$`,
);

/**
 * Whether `query` is a PromQL instant vector selector: a metric name and/or label matchers in
 * braces, without functions, operators, offset, @ or range. Only such a selector can take the
 * `[5m]` range that `increase()` needs; Prometheus rejects a range after any other expression
 * ("ranges only allowed for vector selectors"), even a parenthesised selector.
 */
export function isPromqlVectorSelector(query: string): boolean {
  const trimmed = query.trim();
  return trimmed !== '' && SELECTOR.test(trimmed);
}
