#!/usr/bin/env bash
# Reports one deployment, and the commits it shipped as changes, to the Delivery Insights
# ingestion API. For CI/CD systems without a provider module (Jenkins, Argo CD, CircleCI, ...).
# Needs bash, git and curl. Run it in a checkout of the deployed commit.
#
#   DELIVERY_URL      backend base URL, e.g. https://backstage.example.com
#   DELIVERY_TOKEN    a static token allowed to post events (see examples/config/app-config.ci-token.yaml)
#   ENTITY_REF        e.g. component:default/checkout-service
#   SOURCE            the CI system, e.g. jenkins; records are keyed by (source, id)
#   DEPLOYMENT_ID     unique within SOURCE, e.g. the job name and build number
#   STATUS            success | failure | rolled_back
#   COMMIT            the deployed commit (default HEAD)
#   PREVIOUS_COMMIT   the commit of the previous production deployment; commits after it are
#                     reported as the changes this deployment shipped (default: COMMIT alone)
#   STARTED_AT        ISO 8601 (optional); FINISHED_AT defaults to now
#   ENVIRONMENT       default production; BUILD_URL optional link to the run
set -euo pipefail

: "${DELIVERY_URL:?}" "${DELIVERY_TOKEN:?}" "${ENTITY_REF:?}" "${SOURCE:?}" "${DEPLOYMENT_ID:?}" "${STATUS:?}"
COMMIT=$(git rev-parse "${COMMIT:-HEAD}")
FINISHED_AT=${FINISHED_AT:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
ENVIRONMENT=${ENVIRONMENT:-production}

if [ -n "${PREVIOUS_COMMIT:-}" ]; then
  range="$PREVIOUS_COMMIT..$COMMIT"
else
  range="-1 $COMMIT"
fi

# A JSON string: the values here are ids, instants and URLs, but quote them properly anyway.
json() {
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

changes=()
change_ids=()
# shellcheck disable=SC2086 # $range is one or two git arguments on purpose
while read -r sha authored committed; do
  [ -n "$sha" ] || continue
  change_ids+=("$(json "$sha")")
  changes+=("{\"type\":\"change\",\"source\":$(json "$SOURCE"),\"id\":$(json "$sha"),\"entityRef\":$(json "$ENTITY_REF"),\"firstCommitAt\":$(json "$authored"),\"mergedAt\":$(json "$committed")}")
done < <(git log --format='%H %aI %cI' $range)

deployment="{\"type\":\"deployment\",\"source\":$(json "$SOURCE"),\"id\":$(json "$DEPLOYMENT_ID"),\"entityRef\":$(json "$ENTITY_REF"),\"environment\":$(json "$ENVIRONMENT"),\"status\":$(json "$STATUS"),\"finishedAt\":$(json "$FINISHED_AT")"
[ -n "${STARTED_AT:-}" ] && deployment+=",\"startedAt\":$(json "$STARTED_AT")"
[ -n "${BUILD_URL:-}" ] && deployment+=",\"url\":$(json "$BUILD_URL")"
deployment+=",\"changeIds\":[$(IFS=,; echo "${change_ids[*]}")]}"

body="{\"events\":[$(IFS=,; echo "${changes[*]:+${changes[*]},}")$deployment]}"

curl --fail-with-body --silent --show-error --retry 3 \
  -X POST "$DELIVERY_URL/api/delivery/events" \
  -H "Authorization: Bearer $DELIVERY_TOKEN" \
  -H 'Content-Type: application/json' \
  --data-binary "$body"
echo
