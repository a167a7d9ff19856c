import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold tracking-wide text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Nothing here</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">The page or incident does not exist, or you cannot see it.</p>
      <Link href="/incidents" className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white dark:bg-slate-100 dark:text-slate-900">
        Back to incidents
      </Link>
    </main>
  );
}
