/**
 * A labelled progress bar. Without `percent` it is indeterminate (a phase whose length is not
 * known, such as the single-transaction write), announced by its label alone.
 */
export function ProgressBar({ percent, label, testId }: { percent?: number; label: string; testId?: string }) {
  const known = percent !== undefined;
  const value = known ? Math.min(100, Math.max(0, Math.round(percent))) : undefined;
  return (
    <div className="space-y-1.5" data-testid={testId}>
      <p className="text-sm text-slate-700" aria-live="polite">
        {label}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-500 ${known ? "bg-brand-600" : "w-full animate-pulse bg-brand-500/60"}`}
          style={known ? { width: `${value}%` } : undefined}
        />
      </div>
    </div>
  );
}
