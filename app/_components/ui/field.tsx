import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";

type Common = { label: string; hint?: string; errors?: string[] };

/** A labelled input with its hint and field errors wired to aria attributes. */
export function TextField({ label, hint, errors, id, className = "", ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const inputId = id ?? auto;
  const describedBy = [hint && `${inputId}-hint`, errors?.length && `${inputId}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        {...props}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 ${errors?.length ? "border-red-500" : "border-slate-300"}`}
      />
      <FieldMessages id={inputId} hint={hint} errors={errors} />
    </div>
  );
}

export function TextAreaField({ label, hint, errors, id, className = "", ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const inputId = id ?? auto;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={inputId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
        {...props}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 ${errors?.length ? "border-red-500" : "border-slate-300"}`}
      />
      <FieldMessages id={inputId} hint={hint} errors={errors} />
    </div>
  );
}

function FieldMessages({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}
