/** A forged, revoked or expired link, or one that never existed: the same page for all. */
export default function ShareLinkNotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold tracking-wide text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This link does not work</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">It may have expired or been withdrawn. Ask the incident commander who shared it for a new one.</p>
    </main>
  );
}
