"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { useT } from "@/app/_lib/i18n";

/** The consultant list's filter as the bulk procedures take it (consultantRecords.bulkStatus*). */
export type DownlineFilterInput = {
  rootId: number;
  text?: string;
  statuses?: ("active" | "inactive" | "terminated")[];
  levelMin?: number;
  levelMax?: number;
};

/**
 * What a bulk action acts on: the ids ticked in the list (across pages), or everything matching
 * the list's current filter. `total` is the list's count (a lower bound when not `totalExact`).
 */
export type DownlineSelection = { filter: DownlineFilterInput; total: number; totalExact: boolean; clear: () => void } & (
  | { kind: "ids"; ids: number[] }
  | { kind: "filter" }
);

type Row = { id: number; fullName: string };

/**
 * Row selection for a server-paged list: ticks survive paging and sorting, and are dropped when the
 * filter changes (then "everything matching" would mean something else). `filterKey` is any string
 * that changes with the filter.
 */
export function useDownlineSelection(filterKey: string) {
  const [ids, setIds] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const clear = () => {
    setIds(new Set());
    setAllMatching(false);
  };
  // Also runs on mount, where there is nothing to drop.
  useEffect(clear, [filterKey]);
  return { ids, setIds, allMatching, setAllMatching, clear };
}
export type DownlineSelectionState = ReturnType<typeof useDownlineSelection>;

/** The checkbox column: the header ticks the page, each row itself. */
export function selectionColumn<T extends Row>(state: DownlineSelectionState, pageRows: T[], t: ReturnType<typeof useT>): ColumnDef<T> {
  const isOn = (id: number) => state.allMatching || state.ids.has(id);
  const pageOn = pageRows.length > 0 && pageRows.every((r) => isOn(r.id));
  const pageSome = pageRows.some((r) => isOn(r.id));
  return {
    id: "select",
    enableSorting: false,
    header: () => (
      <IndeterminateCheckbox
        checked={pageOn}
        indeterminate={!pageOn && pageSome}
        disabled={pageRows.length === 0}
        label={t("networkBulk.selectPage")}
        testId="bulk-select-page"
        onChange={(on) => {
          const next = new Set(state.allMatching ? [] : state.ids);
          for (const r of pageRows) (on ? next.add(r.id) : next.delete(r.id));
          state.setAllMatching(false);
          state.setIds(next);
        }}
      />
    ),
    cell: ({ row }) => (
      <IndeterminateCheckbox
        checked={isOn(row.original.id)}
        label={t("networkBulk.selectRow", { name: row.original.fullName })}
        testId={`bulk-select-${row.original.id}`}
        onChange={(on) => {
          // Leaving "everything matching": keep what is visible, minus this row.
          const next = new Set(state.allMatching ? pageRows.map((r) => r.id) : state.ids);
          if (on) next.add(row.original.id);
          else next.delete(row.original.id);
          state.setAllMatching(false);
          state.setIds(next);
        }}
      />
    ),
  };
}

function IndeterminateCheckbox(props: { checked: boolean; indeterminate?: boolean; disabled?: boolean; label: string; testId: string; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = Boolean(props.indeterminate);
  }, [props.indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="h-4 w-4 rounded border-slate-300"
      checked={props.checked}
      disabled={props.disabled}
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => props.onChange(e.target.checked)}
    />
  );
}

/**
 * The bar over the list while something is ticked: how many, the offer to take everything matching
 * the filter (once the whole page is ticked), the caller's actions, and a way out.
 */
export function SelectionBar(props: {
  state: DownlineSelectionState;
  pageRows: Row[];
  filter: DownlineFilterInput;
  total: number;
  totalExact: boolean;
  actions: (selection: DownlineSelection) => React.ReactNode;
}) {
  const t = useT();
  const { state, total, totalExact, filter } = props;
  if (!state.allMatching && state.ids.size === 0) return null;
  const pageAll = props.pageRows.length > 0 && props.pageRows.every((r) => state.ids.has(r.id));
  const common = { filter, total, totalExact, clear: state.clear };
  const selection: DownlineSelection = state.allMatching ? { ...common, kind: "filter" } : { ...common, kind: "ids", ids: [...state.ids] };
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md bg-brand-50 px-4 py-2.5 text-sm text-slate-800 ring-1 ring-brand-200" role="region" aria-label={t("networkBulk.selectColumn")} data-testid="bulk-bar">
      <span className="font-medium" data-testid="bulk-bar-count">
        {state.allMatching
          ? totalExact
            ? t("networkBulk.allMatching", { count: total })
            : t("networkBulk.allMatchingOpen", { count: total })
          : t("networkBulk.selected", { count: state.ids.size })}
      </span>
      {!state.allMatching && pageAll && total > state.ids.size ? (
        <button type="button" className="text-brand-700 underline hover:text-brand-900" onClick={() => state.setAllMatching(true)} data-testid="bulk-select-all-matching">
          {totalExact ? t("networkBulk.selectAllMatching", { count: total }) : t("networkBulk.selectAllMatchingOpen", { count: total })}
        </button>
      ) : null}
      <div className="ml-auto flex items-center gap-2">
        {props.actions(selection)}
        <Button variant="ghost" onClick={state.clear} data-testid="bulk-clear">
          {t("networkBulk.clear")}
        </Button>
      </div>
    </div>
  );
}
