/**
 * The webhook payload Sitrep asks Datadog users to paste into the Webhooks integration tile.
 * Every value is quoted so Datadog's substitution always yields strings (a 19-digit $ID stays exact);
 * $ALERT_CYCLE_KEY is what lets a renotification ("Re-Triggered", "Renotify") dedupe against the
 * notification it repeats. Variable meanings: https://docs.datadoghq.com/integrations/webhooks/#variables
 */
export const DATADOG_RECOMMENDED_TEMPLATE = JSON.stringify(
  {
    id: "$ID",
    alert_id: "$ALERT_ID",
    alert_cycle_key: "$ALERT_CYCLE_KEY",
    aggregate: "$AGGREG_KEY",
    transition: "$ALERT_TRANSITION",
    title: "$EVENT_TITLE",
    msg: "$EVENT_MSG",
    alert_priority: "$ALERT_PRIORITY",
    priority: "$PRIORITY",
    date: "$DATE",
    last_updated: "$LAST_UPDATED",
    hostname: "$HOSTNAME",
    scope: "$ALERT_SCOPE",
    tags: "$TAGS",
    link: "$LINK",
    alert_status: "$ALERT_STATUS",
    alert_type: "$ALERT_TYPE",
    event_type: "$EVENT_TYPE",
    org: { id: "$ORG_ID", name: "$ORG_NAME" },
  },
  null,
  2,
);
