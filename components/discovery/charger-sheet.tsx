"use client";

import { ClockIcon, MapPinIcon, XIcon } from "lucide-react";
import { useEffect, useId, useRef, type RefObject } from "react";
import type { NearbyCharger } from "@/lib/discovery/nearby-contract";
import { Badge } from "@/components/ui/badge";
import { CheckInButton } from "@/components/charging/check-in-button";
import { ChargerFacts } from "./charger-facts";
import { NearbyPlaces } from "./nearby-places";
import { PerkList } from "./perk-list";

/**
 * A charger's details as a bottom sheet: a modal <dialog> (the page behind is inert, Esc closes
 * it), focus on its heading when it opens and back where it was when it closes. Every word from
 * the database is React text.
 */
type ChargerSheetProps = {
  charger: NearbyCharger;
  onClose: () => void;
  /** Where focus goes back to (the marker or button that opened it); else what had focus before. */
  returnFocus?: RefObject<HTMLElement | null>;
};

export function ChargerSheet({ charger, onClose, returnFocus }: ChargerSheetProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener =
      returnFocus?.current ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    if (dialog && !dialog.open) dialog.showModal();
    headingRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opening: the sheet is keyed by charger
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // a close this component did not ask for (Esc); StrictMode's remount re-opens before the event lands
      onClose={() => !ref.current?.open && onClose()}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      className="fixed inset-x-0 top-auto bottom-0 m-0 max-h-[85dvh] w-full max-w-none overflow-y-auto rounded-t-2xl bg-white p-0 shadow-2xl backdrop:bg-slate-900/40 sm:mx-auto sm:max-w-xl"
    >
      <div className="px-4 pt-3 pb-[calc(1.5rem+env(safe-area-inset-bottom))]">
        <div aria-hidden="true" className="mx-auto mb-3 h-1 w-10 rounded-full bg-slate-300" />
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h2
              id={titleId}
              ref={headingRef}
              tabIndex={-1}
              className="text-lg font-semibold break-words text-slate-900 outline-none"
            >
              {charger.name}
            </h2>
            <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              {charger.network ? <span>{charger.network}</span> : null}
              {charger.isPartner ? <Badge tone="brand">Partner</Badge> : null}
            </p>
          </div>
          <button
            type="button"
            onClick={onClose}
            className="grid size-10 shrink-0 place-items-center rounded-full text-slate-600 hover:bg-slate-100"
          >
            <XIcon aria-hidden="true" className="size-5" />
            <span className="sr-only">Close</span>
          </button>
        </div>
        <p className="mt-2 flex items-start gap-1 text-sm text-slate-700">
          <MapPinIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-400" />
          <span className="break-words">{charger.address}</span>
        </p>
        {charger.accessHours ? (
          <p className="mt-1 flex items-start gap-1 text-sm text-slate-700">
            <ClockIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-400" />
            <span>{charger.accessHours}</span>
          </p>
        ) : null}
        <ChargerFacts charger={charger} />

        <section aria-labelledby={`${titleId}-perks`} className="mt-5 border-t border-slate-100 pt-4">
          <h3 id={`${titleId}-perks`} className="mb-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Perks a short walk away
          </h3>
          <PerkList perks={charger.perks} />
        </section>
        <NearbyPlaces chargerId={charger.id} headingId={`${titleId}-places`} />

        <div className="mt-6">
          {charger.status === "E" ? (
            <CheckInButton chargerId={charger.id} chargerName={charger.name} />
          ) : (
            <p className="text-sm text-slate-600">You can check in here once it is open.</p>
          )}
        </div>
      </div>
    </dialog>
  );
}
