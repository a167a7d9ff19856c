import type { SeverityValue as Severity, StatusValue as IncidentStatus } from "@/lib/incidents/schemas";

const SEVERITY_STYLE: Record<Severity, string> = {
  SEV1: "bg-red-600 text-white",
  SEV2: "bg-orange-500 text-white",
  SEV3: "bg-amber-300 text-amber-950",
  SEV4: "bg-sky-200 text-sky-950",
  SEV5: "bg-slate-200 text-slate-800",
};

// Text carries the meaning; colour only helps, so the badges read the same without it.
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge severity severity-${severity.toLowerCase()} inline-flex items-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${SEVERITY_STYLE[severity]}`}>
      {severity}
    </span>
  );
}

const STATUS_STYLE: Record<IncidentStatus, string> = {
  triggered: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
  investigating: "border-orange-300 bg-orange-50 text-orange-800 dark:border-orange-800 dark:bg-orange-950 dark:text-orange-200",
  identified: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  monitoring: "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200",
  resolved: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
};

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`badge status status-${status} inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium capitalize ${STATUS_STYLE[status]}`}>{status}</span>;
}

export function RoleBadge({ role }: { role: string }) {
  return <span className="inline-flex rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{role}</span>;
}
