// Generated from openapi.yaml by scripts/generate-openapi-router.mjs; do not edit.
// Regenerate with: node scripts/generate-openapi-router.mjs plugins/delivery-backend

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "delivery",
    "version": "1",
    "description": "Delivery Insights: stores delivery records (deployments, changes, incidents, work items, SLI samples, quality snapshots) and serves the metrics computed from them. Metric definitions: docs/metrics.md.",
    "license": {
      "name": "Apache 2.0",
      "identifier": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/health": {
      "get": {
        "operationId": "GetHealth",
        "description": "The database engine in use and the registered provider modules.",
        "responses": {
          "200": {
            "description": "The backend is up and its database answers.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeliveryHealth"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/events": {
      "post": {
        "operationId": "PostEvents",
        "description": "Stores up to 5,000 records atomically. Each record is keyed by (type, source, id): delivering it again updates it. If any event is invalid, the response is 400 naming every offending index and field, and nothing of the batch is stored. A change whose `mergedAt` precedes its `firstCommitAt` is not invalid: it is stored, flagged and left out of lead time (docs/metrics.md, Data quality). Requires the delivery.events.create permission.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "events"
                ],
                "properties": {
                  "events": {
                    "type": "array",
                    "description": "Validated event by event; see DeliveryEvent for the fields.",
                    "items": {
                      "$ref": "#/components/schemas/DeliveryEvent"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Every record of the batch was stored.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionResult"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/records": {
      "delete": {
        "operationId": "DeleteRecords",
        "description": "Deletes the records of every type of a source, of an entity, or (both given) of that source for that entity, with the change links of the deleted deployments, in one transaction. At least one of `source` and `entityRef` is required. Requires the delivery.admin permission.",
        "parameters": [
          {
            "name": "source",
            "in": "query",
            "required": false,
            "description": "The `source` the records were ingested with, e.g. `github`.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "entityRef",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "description": "The entity the records belong to, e.g. `component:default/checkout-service`.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The number of rows deleted, per record type.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletionResult"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/organization/scorecard": {
      "get": {
        "operationId": "GetOrganizationScorecard",
        "description": "Every metric over all records of the organisation the caller may read (delivery.scorecard.read, decided per entity when the policy answers with conditions); `hiddenEntities` counts the others.",
        "parameters": [
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/ScorecardResponse"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/scorecards": {
      "get": {
        "operationId": "GetScorecards",
        "description": "Many entities' scorecards in one call, for team and organisation pages. Requires delivery.scorecard.read for each entity (403 naming those denied); rollups count only readable parts.",
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "required": true,
            "style": "form",
            "explode": true,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "minItems": 1,
              "maxItems": 200,
              "items": {
                "type": "string"
              }
            }
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "description": "One scorecard per requested entity, in the order requested.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Scorecard"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/entities/{kind}/{namespace}/{name}/scorecard": {
      "get": {
        "operationId": "GetEntityScorecard",
        "description": "Every metric of an entity over [from, to) (default the last 30 days) and the previous window of equal length. A System counts its components' records, a Group everything it owns. Requires delivery.scorecard.read for the entity (a resource permission on catalog entities); a rollup counts only the parts the caller may read, `hiddenEntities` the others.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/ScorecardResponse"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/entities/{kind}/{namespace}/{name}/timeseries": {
      "get": {
        "operationId": "GetEntityTimeSeries",
        "description": "One metric in daily or weekly (Monday, UTC) buckets, for charts. Requires the delivery.scorecard.read permission.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "name": "metric",
            "in": "query",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/TimeSeriesMetric"
            }
          },
          {
            "name": "bucket",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "day",
                "week"
              ],
              "default": "week"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The buckets covering the window, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TimeSeries"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/entities/{kind}/{namespace}/{name}/records": {
      "get": {
        "operationId": "GetEntityRecords",
        "description": "The deployments, changes and incidents behind the entity's numbers, newest first, and the changes left out of lead time (`excludedChanges`). Deployments carry `failed`, `reason`, `fixesIncidentIds` and `rework`; incidents `causeDeploymentId` and `causeSource` (declared | inferred | null). Requires the delivery.scorecard.read permission.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          }
        ],
        "responses": {
          "200": {
            "description": "At most 500 of each, with `truncated` set when a list was cut.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": true
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/entities/{kind}/{namespace}/{name}/slos": {
      "get": {
        "operationId": "GetEntitySlos",
        "description": "The SLOs the entity defines (annotation delivery-insights.io/slos or slo-file), each with attainment, error budget, burn rates over 5m..3d, alert state, forecast and budget history, computed now from the ingested SLI samples or, for SLOs whose ratio indicator has Prometheus metric sources, from Prometheus range queries. Invalid definitions, and SLOs whose Prometheus instance is unknown or cannot be read, are listed in `errors`. Requires the delivery.scorecard.read permission.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The entity's SLOs now.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "entityRef",
                    "at",
                    "slos",
                    "errors"
                  ],
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "at": {
                      "type": "string"
                    },
                    "slos": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    },
                    "errors": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "message"
                        ],
                        "properties": {
                          "slo": {
                            "type": "string"
                          },
                          "message": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/entities/{kind}/{namespace}/{name}/oncall": {
      "get": {
        "operationId": "GetEntityOnCall",
        "description": "Who is on call for the entity now, from every provider module that knows on-call (PagerDuty, Opsgenie). Providers that fail are listed in `errors`; the others still answer. Requires the delivery.scorecard.read permission.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The shifts on call now.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items",
                    "errors"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    },
                    "errors": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "provider",
                          "message"
                        ],
                        "properties": {
                          "provider": {
                            "type": "string"
                          },
                          "message": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/entities/{kind}/{namespace}/{name}/deploy-gate": {
      "get": {
        "operationId": "GetEntityDeployGate",
        "description": "The entity's error-budget policy state now (normal, warn or freeze, from its SLOs) and what a CI system should do with a deployment: allow, warn, or block during a freeze unless a granted exception covers it (one for `deploymentId`, or one for every deployment until a time). `reasons` says why, one line per SLO and rule. See docs/slo.md, \"Error-budget policy\". Requires the delivery.scorecard.read permission.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "deploymentId",
            "in": "query",
            "required": false,
            "description": "The deployment about to run, to match an exception granted for it alone.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The gate's answer now.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeployGate"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/entities/{kind}/{namespace}/{name}/policy/exceptions": {
      "get": {
        "operationId": "GetEntityPolicyExceptions",
        "description": "Every exception requested for the entity, newest first, each with its trail: who requested, granted, refused it and when, and why; expired ones included until the policy's audit period has passed. Requires the delivery.scorecard.read permission.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The exceptions.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/PolicyException"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      },
      "post": {
        "operationId": "RequestPolicyException",
        "description": "Requests an exception to deploy during a freeze: for one deployment (`deploymentId`, ending after 24 hours unless `until` is given) or for every deployment until `until`, at most 14 days ahead. Only an owner of the entity (or a holder of delivery.policy.exception) may request one. 400 names the bad field.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reasonKind": {
                    "description": "p0-fix, security-patch or other."
                  },
                  "justification": {
                    "description": "Why the deployment cannot wait, at least 10 characters."
                  },
                  "deploymentId": {
                    "description": "The one deployment the exception is for."
                  },
                  "until": {
                    "description": "When the exception ends, an ISO 8601 time in the future."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The request, pending a decision.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PolicyException"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/entities/{kind}/{namespace}/{name}/policy/exceptions/{id}/grant": {
      "post": {
        "operationId": "GrantPolicyException",
        "description": "Grants a pending request; from then until it ends, the deploy gate allows the deployments it covers during a freeze. 409 when the request is no longer pending (granted, refused or expired). Requires the delivery.policy.exception permission.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/exceptionId"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "comment": {
                    "description": "Optional note kept in the trail."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The granted exception.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PolicyException"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/entities/{kind}/{namespace}/{name}/policy/exceptions/{id}/refuse": {
      "post": {
        "operationId": "RefusePolicyException",
        "description": "Refuses a pending request, with the reason (`comment`, required) kept in the trail. 409 when the request is no longer pending. Requires the delivery.policy.exception permission.",
        "parameters": [
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "$ref": "#/components/parameters/exceptionId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "comment": {
                    "description": "Why the request is refused."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The refused exception.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PolicyException"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/sync-status": {
      "get": {
        "operationId": "GetSyncStatus",
        "description": "How each provider's synchronisation of each entity went: last attempt, last success, last error, records seen and skipped. Requires the delivery.scorecard.read permission.",
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "provider",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The sync status per provider and entity.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/providers/{provider}/backfill": {
      "post": {
        "operationId": "BackfillProvider",
        "description": "Forgets the provider's cursors (of one entity, or of all) and starts its sync, which then reads the configured backfill period again. Records are upserted, so nothing is duplicated. Requires the delivery.admin permission.",
        "parameters": [
          {
            "name": "provider",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "entityRef",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "202": {
            "description": "The cursors were reset and the sync started (or starts at startsAt).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "provider",
                    "cursorsReset",
                    "triggered"
                  ],
                  "properties": {
                    "provider": {
                      "type": "string"
                    },
                    "cursorsReset": {
                      "type": "integer"
                    },
                    "triggered": {
                      "type": "boolean"
                    },
                    "startsAt": {
                      "type": "string",
                      "format": "date-time",
                      "description": "When the sync starts, if not now: within the provider's initial delay after the backend started, the scheduler runs nothing until the delay has passed."
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    },
    "/reports/{report}": {
      "get": {
        "operationId": "GetReport",
        "description": "One of the delivery manager's Markdown reports, rendered from the stored data in Russian (default) or English: delivery-metrics and quality-report (entityRef, period), postmortem (incidentId, source when the id exists in several sources), runbook (entityRef), pipeline (entityRef, optional period; default the last 30 days), capacity (entityRef of a Group, period as a quarter, teamSize, referenceTeamSize, holidays, focusFactor), retrospective (entityRef, sprint) and process (name of a `delivery.processes` entry). Numbers shared with the scorecard are the scorecard's for the same window. 400 names the bad parameter; 404 for an unknown entity, incident, sprint or process. Requires the delivery.scorecard.read permission. See docs/reports.md.",
        "parameters": [
          {
            "name": "report",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "enum": [
                "delivery-metrics",
                "quality-report",
                "postmortem",
                "runbook",
                "pipeline",
                "capacity",
                "retrospective",
                "process"
              ]
            }
          },
          {
            "name": "entityRef",
            "in": "query",
            "required": false,
            "description": "The entity the report is about, e.g. component:default/checkout-service.",
            "allowReserved": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "period",
            "in": "query",
            "required": false,
            "description": "A month such as 2026-10 or a quarter such as 2026-Q4 (UTC).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "incidentId",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source",
            "in": "query",
            "required": false,
            "description": "The source of the incident, when its id alone is ambiguous.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "sprint",
            "in": "query",
            "required": false,
            "description": "The sprint (iteration) name as the work items carry it.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "name",
            "in": "query",
            "required": false,
            "description": "The name of a process under delivery.processes.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "ru",
                "en"
              ],
              "default": "ru"
            }
          },
          {
            "name": "teamSize",
            "in": "query",
            "required": false,
            "description": "People in the team in the forecast quarter (default the group's members).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "referenceTeamSize",
            "in": "query",
            "required": false,
            "description": "People in the team in the past quarters (default the group's members).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "holidays",
            "in": "query",
            "required": false,
            "description": "Working days off in the forecast quarter (default 0).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "focusFactor",
            "in": "query",
            "required": false,
            "description": "Focus relative to the past quarters, above 0 and at most 2 (default 1).",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The report, as a file to download.",
            "headers": {
              "Content-Disposition": {
                "description": "attachment; filename=\"<report>-<period or name>.md\"",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "text/markdown": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        },
        "security": [
          {},
          {
            "JWT": []
          }
        ]
      }
    }
  },
  "components": {
    "securitySchemes": {
      "JWT": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT"
      }
    },
    "parameters": {
      "kind": {
        "name": "kind",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "namespace": {
        "name": "namespace",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "name": {
        "name": "name",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "exceptionId": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "from": {
        "name": "from",
        "in": "query",
        "required": false,
        "allowReserved": true,
        "description": "Start of the window (inclusive), ISO 8601; default `to` minus 30 days.",
        "schema": {
          "type": "string"
        }
      },
      "to": {
        "name": "to",
        "in": "query",
        "required": false,
        "allowReserved": true,
        "description": "End of the window (exclusive), ISO 8601; default now.",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "ErrorResponse": {
        "description": "An error, e.g. 400 naming the bad field, 401, 403 or 404.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "ScorecardResponse": {
        "description": "The scorecard.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Scorecard"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "name",
              "message"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            }
          }
        },
        "additionalProperties": true
      },
      "DeliveryHealth": {
        "type": "object",
        "required": [
          "status",
          "database",
          "providers"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok"
            ]
          },
          "database": {
            "type": "string"
          },
          "providers": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "DeliveryEvent": {
        "type": "object",
        "description": "A record: `type` (deployment | change | incident | workItem | sliSample | qualitySnapshot), `source`, `id`, `entityRef`, and the fields of its type (README). A deployment may carry `reason` (planned | hotfix | rollback) and `fixesIncidentIds` (ids of incidents of its source it fixes); hotfix, rollback and named incidents make it rework.",
        "required": [
          "type",
          "source",
          "id",
          "entityRef"
        ],
        "properties": {
          "type": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          }
        },
        "additionalProperties": true
      },
      "IngestionResult": {
        "type": "object",
        "required": [
          "received",
          "inserted",
          "updated"
        ],
        "properties": {
          "received": {
            "type": "integer"
          },
          "inserted": {
            "type": "integer"
          },
          "updated": {
            "type": "integer"
          },
          "outdated": {
            "type": "integer",
            "description": "Records not written because the stored one is newer (by updatedAt, or the newest of the record's own times); absent when there are none."
          }
        }
      },
      "DeletionResult": {
        "type": "object",
        "required": [
          "deleted"
        ],
        "properties": {
          "deleted": {
            "type": "object",
            "required": [
              "deployments",
              "deploymentChanges",
              "changes",
              "incidents",
              "workItems",
              "sliSamples",
              "qualitySnapshots"
            ],
            "properties": {
              "deployments": {
                "type": "integer"
              },
              "deploymentChanges": {
                "type": "integer",
                "description": "Links between the deleted deployments and the changes they shipped."
              },
              "changes": {
                "type": "integer"
              },
              "incidents": {
                "type": "integer"
              },
              "workItems": {
                "type": "integer"
              },
              "sliSamples": {
                "type": "integer"
              },
              "qualitySnapshots": {
                "type": "integer"
              }
            }
          }
        }
      },
      "TimeSeriesMetric": {
        "type": "string",
        "enum": [
          "deploymentFrequency",
          "deploymentDaysPerWeek",
          "leadTime",
          "changeFailureRate",
          "timeToRestore",
          "failedDeploymentRecoveryTime",
          "reworkRate",
          "cycleTime",
          "throughput",
          "wip",
          "flowEfficiency",
          "velocityPredictability",
          "lineCoverage",
          "defectEscapeRate",
          "incidentsPer30Days"
        ]
      },
      "TimeSeries": {
        "type": "object",
        "required": [
          "metric",
          "bucket",
          "points"
        ],
        "properties": {
          "metric": {
            "$ref": "#/components/schemas/TimeSeriesMetric"
          },
          "bucket": {
            "type": "string",
            "enum": [
              "day",
              "week"
            ]
          },
          "points": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "from",
                "to",
                "value",
                "sampleSize"
              ],
              "properties": {
                "from": {
                  "type": "string"
                },
                "to": {
                  "type": "string"
                },
                "value": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "sampleSize": {
                  "type": "integer"
                }
              }
            }
          },
          "hiddenEntities": {
            "type": "integer",
            "minimum": 0,
            "description": "Entities of the rollup left out because the caller may not read their delivery metrics."
          }
        }
      },
      "MetricValue": {
        "type": "object",
        "required": [
          "value",
          "unit",
          "sampleSize",
          "previous",
          "level",
          "target",
          "met"
        ],
        "properties": {
          "value": {
            "type": [
              "number",
              "null"
            ]
          },
          "unit": {
            "type": "string",
            "enum": [
              "per_working_day",
              "per_day",
              "per_week",
              "hours",
              "ratio",
              "percent",
              "count",
              "per_30_days"
            ]
          },
          "sampleSize": {
            "type": "integer"
          },
          "statistic": {
            "type": "string",
            "enum": [
              "mean",
              "median"
            ],
            "description": "Which statistic `value` is, for durations."
          },
          "mean": {
            "type": [
              "number",
              "null"
            ]
          },
          "median": {
            "type": [
              "number",
              "null"
            ]
          },
          "p90": {
            "type": [
              "number",
              "null"
            ]
          },
          "p85": {
            "type": [
              "number",
              "null"
            ]
          },
          "open": {
            "type": "integer"
          },
          "previous": {
            "type": "object",
            "required": [
              "value",
              "sampleSize"
            ],
            "properties": {
              "value": {
                "type": [
                  "number",
                  "null"
                ]
              },
              "sampleSize": {
                "type": "integer"
              }
            }
          },
          "level": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "elite",
              "high",
              "medium",
              "low",
              null
            ]
          },
          "target": {
            "type": [
              "object",
              "null"
            ],
            "required": [
              "comparator",
              "threshold"
            ],
            "properties": {
              "comparator": {
                "type": "string",
                "enum": [
                  "gte",
                  "gt",
                  "lte",
                  "lt"
                ]
              },
              "threshold": {
                "type": "number"
              }
            }
          },
          "met": {
            "type": [
              "boolean",
              "null"
            ]
          }
        }
      },
      "Scorecard": {
        "type": "object",
        "required": [
          "entityRef",
          "entityRefs",
          "window",
          "previousWindow",
          "calendar",
          "dora",
          "flow",
          "quality",
          "dataQuality"
        ],
        "properties": {
          "entityRef": {
            "type": [
              "string",
              "null"
            ]
          },
          "entityRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "window": {
            "$ref": "#/components/schemas/Window"
          },
          "previousWindow": {
            "$ref": "#/components/schemas/Window"
          },
          "calendar": {
            "type": "object",
            "description": "The working calendar of the scorecard's entity (docs/metrics.md).",
            "required": [
              "timeZone",
              "workingDays",
              "holidays",
              "workingDaysInWindow"
            ],
            "properties": {
              "timeZone": {
                "type": "string"
              },
              "workingDays": {
                "type": "array",
                "description": "ISO weekday numbers, 1 = Monday.",
                "items": {
                  "type": "integer"
                }
              },
              "holidays": {
                "type": "array",
                "description": "The holidays inside the window.",
                "items": {
                  "type": "string"
                }
              },
              "workingDaysInWindow": {
                "type": "number"
              }
            }
          },
          "dataQuality": {
            "$ref": "#/components/schemas/DataQuality"
          },
          "dora": {
            "type": "object",
            "additionalProperties": {
              "$ref": "#/components/schemas/MetricValue"
            }
          },
          "flow": {
            "type": "object",
            "additionalProperties": {
              "$ref": "#/components/schemas/MetricValue"
            }
          },
          "quality": {
            "type": "object",
            "additionalProperties": {
              "$ref": "#/components/schemas/MetricValue"
            }
          },
          "hiddenEntities": {
            "type": "integer",
            "minimum": 0,
            "description": "Entities of the rollup (a group's or system's parts, the organisation) whose records were left out because the caller may not read their delivery metrics."
          }
        }
      },
      "DataQuality": {
        "type": "object",
        "description": "Records counted with caveats or left out, and why (docs/metrics.md).",
        "required": [
          "deploymentsWithoutChanges",
          "incidents",
          "excludedChanges",
          "attributionWindowHours"
        ],
        "properties": {
          "deploymentsWithoutChanges": {
            "type": "integer"
          },
          "incidents": {
            "type": "object",
            "required": [
              "declared",
              "inferred",
              "none"
            ],
            "properties": {
              "declared": {
                "type": "integer"
              },
              "inferred": {
                "type": "integer"
              },
              "none": {
                "type": "integer"
              }
            }
          },
          "excludedChanges": {
            "type": "object",
            "required": [
              "merged_before_first_commit",
              "deployed_before_first_commit"
            ],
            "properties": {
              "merged_before_first_commit": {
                "type": "integer"
              },
              "deployed_before_first_commit": {
                "type": "integer"
              }
            }
          },
          "attributionWindowHours": {
            "type": "number"
          }
        }
      },
      "Window": {
        "type": "object",
        "required": [
          "from",
          "to"
        ],
        "properties": {
          "from": {
            "type": "string"
          },
          "to": {
            "type": "string"
          }
        }
      },
      "PolicyException": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "reasonKind",
          "justification",
          "deploymentId",
          "until",
          "status",
          "requestedBy",
          "requestedAt",
          "events"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "reasonKind": {
            "type": "string",
            "enum": [
              "p0-fix",
              "security-patch",
              "other"
            ]
          },
          "justification": {
            "type": "string"
          },
          "deploymentId": {
            "type": [
              "string",
              "null"
            ]
          },
          "until": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "requested",
              "granted",
              "refused",
              "expired"
            ]
          },
          "requestedBy": {
            "type": "string"
          },
          "requestedAt": {
            "type": "string"
          },
          "events": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "action",
                "actor",
                "at",
                "comment"
              ],
              "properties": {
                "action": {
                  "type": "string",
                  "enum": [
                    "requested",
                    "granted",
                    "refused",
                    "expired"
                  ]
                },
                "actor": {
                  "type": "string"
                },
                "at": {
                  "type": "string"
                },
                "comment": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              }
            }
          }
        }
      },
      "DeployGate": {
        "type": "object",
        "required": [
          "entityRef",
          "at",
          "decision",
          "state",
          "reasons",
          "slos",
          "exception",
          "policy"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "at": {
            "type": "string"
          },
          "decision": {
            "type": "string",
            "enum": [
              "allow",
              "warn",
              "block"
            ]
          },
          "state": {
            "type": "string",
            "enum": [
              "normal",
              "warn",
              "freeze"
            ]
          },
          "reasons": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "code",
                "message"
              ],
              "properties": {
                "slo": {
                  "type": "string"
                },
                "code": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          },
          "slos": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "name",
                "remaining",
                "alert",
                "state"
              ],
              "properties": {
                "name": {
                  "type": "string"
                },
                "remaining": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "alert": {
                  "type": "string"
                },
                "state": {
                  "type": "string"
                }
              }
            }
          },
          "exception": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/PolicyException"
              },
              {
                "type": "null"
              }
            ]
          },
          "policy": {
            "type": "object",
            "required": [
              "warnBelowPercent",
              "auditDays"
            ],
            "properties": {
              "warnBelowPercent": {
                "type": "number"
              },
              "auditDays": {
                "type": "number"
              }
            }
          }
        }
      }
    }
  }
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
