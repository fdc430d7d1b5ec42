"use client";

import { useEffect, useId, useRef } from "react";
import { useT } from "@/app/_lib/i18n";

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape and restores focus
 * to the opener, so keyboard users get the right behaviour without a library.
 */
export function Dialog(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT();
  const { open } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={props.testId}
      onClose={props.onClose}
      // A click on the backdrop lands on the <dialog> element itself.
      onClick={(e) => e.target === e.currentTarget && props.onClose()}
      className={`m-auto w-[calc(100%-2rem)] rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40 ${props.wide ? "max-w-4xl" : "max-w-lg"}`}
    >
      {open ? (
        <div className="p-6">
          <div className="mb-4 flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold text-slate-900">
              {props.title}
            </h2>
            <button type="button" onClick={props.onClose} className="rounded px-2 text-xl leading-none text-slate-500 hover:text-slate-900" aria-label={t("admin.close")}>
              ×
            </button>
          </div>
          {props.children}
        </div>
      ) : null}
    </dialog>
  );
}
