import { scenario as badDeploy } from "./01-bad-deploy";
import { scenario as databaseFailover } from "./02-database-failover";
import { scenario as expiredCertificate } from "./03-expired-tls-certificate";
import { scenario as dnsMisconfiguration } from "./04-dns-misconfiguration";
import { scenario as paymentProviderOutage } from "./05-payment-provider-outage";
import { scenario as capacityExhaustion } from "./06-capacity-exhaustion";
import { scenario as credentialStuffing } from "./07-credential-stuffing";
import { scenario as flappingAlert } from "./08-flapping-alert";
import { scenario as unexplainedBlip } from "./09-unexplained-latency-blip";
import type { Scenario } from "./scenario";

export const SCENARIOS: Scenario[] = [
  badDeploy,
  databaseFailover,
  expiredCertificate,
  dnsMisconfiguration,
  paymentProviderOutage,
  capacityExhaustion,
  credentialStuffing,
  flappingAlert,
  unexplainedBlip,
];
