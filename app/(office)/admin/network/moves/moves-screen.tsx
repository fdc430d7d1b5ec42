"use client";

import { useState } from "react";
import { Alert, Card } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import { ChangeSetDetail } from "./change-set-detail";
import { ChangeSetList } from "./change-set-list";
import { MoveForm } from "./move-form";

/**
 * Moves are change-sets: a draft is created, previewed (run and rolled back), then committed or
 * discarded; a committed set can be reverted by a new draft. The open set is kept in `?set=` so
 * a reload or a shared link shows the same one.
 */
export function MovesScreen({ canMove, initialSetId }: { canMove: boolean; initialSetId: number | null }) {
  const t = useT();
  const [openId, setOpenId] = useState<number | null>(initialSetId);
  const [notice, setNotice] = useState<string | null>(null);
  // Focus follows a set the user opens, not the one a shared link opened on page load.
  const [userOpened, setUserOpened] = useState(false);

  function open(id: number | null, message: string | null = null) {
    setOpenId(id);
    setUserOpened(true);
    setNotice(message);
    const url = new URL(window.location.href);
    if (id === null) url.searchParams.delete("set");
    else url.searchParams.set("set", String(id));
    window.history.replaceState(null, "", url);
  }

  return (
    <div className="space-y-6">
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        {canMove ? (
          <Card title={t("network.moves.new")}>
            <MoveForm onCreated={(id) => open(id, t("network.moves.draftCreated", { id }))} />
          </Card>
        ) : null}
        {openId !== null ? (
          <ChangeSetDetail key={openId} id={openId} canMove={canMove} focusOnMount={userOpened} onOpen={open} onNotice={setNotice} onClose={() => open(null)} />
        ) : (
          <Card>
            <p className="text-sm text-slate-500">{t("network.moves.detailEmpty")}</p>
          </Card>
        )}
      </div>
      <section aria-labelledby="change-sets-heading">
        <h2 id="change-sets-heading" className="mb-3 text-base font-semibold text-slate-900">
          {t("network.moves.listTitle")}
        </h2>
        <ChangeSetList openId={openId} onOpen={(id) => open(id)} />
      </section>
    </div>
  );
}
