import Link from "next/link";

/** What a signed-in user sees on a page their role may not open (the API refuses it too). */
export function Forbidden({ message }: { message: string }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-16 text-center">
      <p className="text-sm font-semibold text-rose-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Not allowed</h1>
      <p className="mt-3 text-slate-600">{message}</p>
      <Link href="/customers" className="mt-6 inline-block text-indigo-700 underline">
        Back to customers
      </Link>
    </main>
  );
}
