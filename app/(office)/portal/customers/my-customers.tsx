"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { RfmCode, SegmentBadge, StateBadge } from "@/app/_components/customers/customer-badges";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { COMMERCIAL_STATES, type CommercialState } from "@/server/commerce/customer-segments";
import { formatMoney } from "@/server/commerce/money";

type Row = RouterOutputs["customers"]["mine"]["rows"][number];
const PAGE_SIZE = 25;

/** A consultant's own customers with their state, and a form to add one. */
export function MyCustomers() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [text, setText] = useState("");
  const [state, setState] = useState<CommercialState | "">("");
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setText(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);
  const list = useQuery(trpc.customers.mine.queryOptions({ q: text || undefined, state: state || undefined, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData }));
  const currency = list.data?.currency ?? "BRL";
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "name",
        header: t("customers.columns.name"),
        cell: ({ row: { original: c } }) => (
          <div data-testid={`my-customer-${c.email}`}>
            <div className="font-medium text-slate-900">{c.fullName}</div>
            <div className="text-xs text-slate-500">
              {c.email}
              {c.phone ? ` · ${c.phone}` : ""}
            </div>
          </div>
        ),
      },
      { id: "state", header: t("customers.columns.state"), cell: ({ row }) => <StateBadge state={row.original.commercialState} /> },
      { id: "segment", header: t("customers.columns.segment"), cell: ({ row }) => <SegmentBadge segment={row.original.segment} /> },
      { id: "rfm", header: t("customers.columns.rfm"), cell: ({ row }) => <RfmCode rfm={row.original.rfm} /> },
      { id: "orders", header: t("customers.columns.orders"), cell: ({ row }) => <span className="tabular-nums">{new Intl.NumberFormat(locale).format(row.original.ordersCount)}</span> },
      { id: "spent", header: t("customers.columns.spent"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatMoney(row.original.totalSpent, currency, locale)}</span> },
      {
        id: "last",
        header: t("customers.columns.lastOrder"),
        cell: ({ row }) => (row.original.lastOrderAt ? new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(row.original.lastOrderAt)) : t("common.none")),
      },
    ],
    [t, locale, currency],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-56 flex-1"
          type="search"
          label={t("customers.search")}
          value={q}
          maxLength={200}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          data-testid="my-customers-search"
        />
        <SelectField
          label={t("customers.stateFilter")}
          value={state}
          onChange={(e) => {
            setState(e.target.value as CommercialState | "");
            setPage(1);
          }}
          options={[{ value: "", label: t("customers.any") }, ...COMMERCIAL_STATES.map((s) => ({ value: s, label: t(`customers.states.${s}`) }))]}
          data-testid="my-customers-state"
        />
        {adding ? null : (
          <Button
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
            data-testid="add-customer"
          >
            {t("customers.portal.add")}
          </Button>
        )}
      </div>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {adding ? (
        <AddCustomerForm
          onCancel={() => setAdding(false)}
          onAdded={(name) => {
            setAdding(false);
            setNotice(t("customers.portal.added", { name }));
          }}
        />
      ) : null}
      {list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
      <DataTable
        caption={t("customers.portal.title")}
        columns={columns}
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={list.isFetching}
        emptyText={t("customers.portal.empty")}
      />
    </div>
  );
}

function AddCustomerForm(props: { onAdded: (name: string) => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ fullName: "", email: "", phone: "", city: "", region: "" });
  const add = useMutation(
    trpc.customers.add.mutationOptions({
      onSuccess: async (row) => {
        await queryClient.invalidateQueries({ queryKey: trpc.customers.mine.queryKey() });
        props.onAdded(row.fullName);
      },
    }),
  );
  const errors = fieldErrorsOf(add.error);
  const general = add.error && !Object.values(errors).some((list) => list.includes(add.error!.message)) ? add.error.message : null;
  const field = (key: keyof typeof v, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <TextField label={label} value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })} errors={errors[key]} data-testid={`new-customer-${key}`} {...extra} />
  );
  return (
    <Card title={t("customers.portal.addTitle")}>
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(v);
        }}
      >
        {general ? <Alert kind="error">{general}</Alert> : null}
        <fieldset disabled={add.isPending} className="grid gap-4 sm:grid-cols-2">
          {field("fullName", t("customers.portal.fullName"), { maxLength: 120, autoComplete: "name" })}
          {field("email", t("customers.portal.email"), { type: "email", maxLength: 200, autoComplete: "email" })}
          {field("phone", t("customers.portal.phone"), { type: "tel", maxLength: 40, autoComplete: "tel" })}
          {field("city", t("customers.portal.city"), { maxLength: 80 })}
          {field("region", t("customers.portal.region"), { maxLength: 40 })}
        </fieldset>
        <div className="flex gap-2">
          <Button type="submit" disabled={add.isPending} data-testid="new-customer-save">
            {add.isPending ? t("customers.portal.saving") : t("customers.portal.save")}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
