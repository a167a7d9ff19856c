import Link from "next/link";

/** The submit and reset pair every GET filter form ends with: reset is a link to the page without a query. */
export function FilterButtons({ resetHref, submit = "Filter", reset = "Clear", className = "" }: { resetHref: string; submit?: string; reset?: string; className?: string }) {
  return (
    <>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-slate-100 dark:text-slate-900">
        {submit}
      </button>
      <Link href={resetHref} className={`text-sm text-slate-600 hover:underline dark:text-slate-400 ${className}`}>
        {reset}
      </Link>
    </>
  );
}
