#!/usr/bin/env bash
# Asks Delivery Insights whether a service may deploy now under its error-budget policy, prints
# the decision and the reasons, and exits non-zero when the deployment is blocked (a freeze
# without a granted exception). Needs bash, curl and jq (or node, when jq is missing).
#
#   DELIVERY_URL      backend base URL, e.g. https://backstage.example.com
#   DELIVERY_TOKEN    a static token allowed to read delivery metrics (delivery.scorecard.read)
#   ENTITY_REF        e.g. component:default/checkout-service
#   DEPLOYMENT_ID     optional: the deployment about to run, to match an exception granted for it
#   FAIL_ON_WARN      optional: set to 1 to fail on `warn` as well
#
# Exit codes: 0 allow or warn, 1 block (or warn with FAIL_ON_WARN=1), 2 the gate could not be
# asked (bad configuration, unknown entity, backend unreachable).
set -euo pipefail

: "${DELIVERY_URL:?}" "${DELIVERY_TOKEN:?}" "${ENTITY_REF:?}"

# component:default/checkout-service → component/default/checkout-service; the namespace is optional.
kind=${ENTITY_REF%%:*}
rest=${ENTITY_REF#*:}
if [ "$kind" = "$ENTITY_REF" ] || [ -z "$rest" ]; then
  echo "ENTITY_REF must look like kind:namespace/name, got '$ENTITY_REF'" >&2
  exit 2
fi
case "$rest" in
*/*) namespace=${rest%%/*} name=${rest#*/} ;;
*) namespace=default name=$rest ;;
esac

url="${DELIVERY_URL%/}/api/delivery/entities/$kind/$namespace/$name/deploy-gate"
body=$(mktemp)
trap 'rm -f "$body"' EXIT
curl_args=(--silent --show-error --get --output "$body" --write-out '%{http_code}'
  -H "Authorization: Bearer $DELIVERY_TOKEN")
[ -n "${DEPLOYMENT_ID:-}" ] && curl_args+=(--data-urlencode "deploymentId=$DEPLOYMENT_ID")
if ! status=$(curl "${curl_args[@]}" "$url"); then
  echo "Could not reach the deploy gate at $url" >&2
  exit 2
fi

# Prints "decision<TAB>state" on the first line, then one reason per line.
summarize() {
  if command -v jq >/dev/null; then
    jq -r '"\(.decision)\t\(.state)", (.reasons[] | "- \(.message)")' "$body"
  else
    node -e '
      const gate = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(`${gate.decision}\t${gate.state}`);
      for (const reason of gate.reasons) console.log(`- ${reason.message}`);
    ' "$body"
  fi
}

if [ "$status" != 200 ]; then
  echo "The deploy gate answered $status: $(cat "$body")" >&2
  exit 2
fi
summary=$(summarize)
IFS=$'\t' read -r decision state <<<"$(head -n 1 <<<"$summary")"
echo "Error-budget policy of $ENTITY_REF: $state; decision: $decision"
tail -n +2 <<<"$summary"

case "$decision" in
block) exit 1 ;;
warn) [ "${FAIL_ON_WARN:-0}" = 1 ] && exit 1 || exit 0 ;;
*) exit 0 ;;
esac
