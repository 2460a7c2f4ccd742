/** The frame of the customer-facing return pages: no staff navigation, one plain message. */
export function ReturnFrame({
  title,
  children,
  returnUrl,
}: {
  title: string;
  children: React.ReactNode;
  returnUrl?: string | null;
}) {
  return (
    <main className="grid min-h-screen place-items-center p-6">
      <section className="max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{title}</h1>
        <div className="mt-3 space-y-3 text-slate-600">{children}</div>
        {returnUrl ? (
          <a
            className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-700"
            href={returnUrl}
          >
            Return to {new URL(returnUrl).host}
          </a>
        ) : null}
      </section>
    </main>
  );
}
