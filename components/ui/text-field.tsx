import { type InputHTMLAttributes, useId } from "react";

/** A labelled input whose error is announced and tied to it (aria-invalid + aria-describedby). */
export function TextField({
  label,
  error,
  className = "",
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200 disabled:bg-slate-50 disabled:text-slate-600 aria-invalid:border-rose-500"
        {...input}
      />
      {error ? (
        <p id={errorId} className="mt-1 text-xs text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
