"use client";

import "leaflet/dist/leaflet.css";
import "react-leaflet-cluster/dist/assets/MarkerCluster.css";
import type L from "leaflet";
import type { LeafletKeyboardEvent } from "leaflet";
import { memo, useCallback, useEffect, useMemo, useRef } from "react";
import { Circle, CircleMarker, MapContainer, Marker, TileLayer, useMap, useMapEvents } from "react-leaflet";
import MarkerClusterGroup from "react-leaflet-cluster";
import type { NearbyCharger } from "@/lib/discovery/nearby-contract";
import type { Bbox, MapTarget } from "./map-query";
import { chargerIcon, clusterIcon } from "./map-icons";
import type { Position } from "./use-position";

export type ChargerMapProps = {
  chargers: NearbyCharger[];
  /** Empty: no tile layer, the markers on a plain background. */
  tileUrl: string;
  initialBounds: Bbox;
  /** Where to go next (a search result, the driver's position); a new `seq` moves the map. */
  target: MapTarget | null;
  position: Position | null;
  onBoundsChange: (box: Bbox) => void;
  /** With the marker's element, for focus to return to when the sheet closes. */
  onSelect: (charger: NearbyCharger, from: HTMLElement | null) => void;
};

const DEBOUNCE_MS = 300;

/** Reports the visible box once the map settles (debounced), and once at start. */
function BoundsReporter({ onBoundsChange }: { onBoundsChange: (box: Bbox) => void }) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const report = useRef(onBoundsChange);
  useEffect(() => {
    report.current = onBoundsChange;
  }, [onBoundsChange]);
  const map = useMapEvents({
    moveend: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const b = map.getBounds();
        report.current({ south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() });
      }, DEBOUNCE_MS);
    },
  });
  useEffect(() => {
    map.fire("moveend");
    return () => clearTimeout(timer.current);
  }, [map]);
  return null;
}

function FlyTo({ target }: { target: MapTarget | null }) {
  const map = useMap();
  useEffect(() => {
    if (target) map.setView([target.latitude, target.longitude], Math.max(map.getZoom(), target.zoom));
  }, [map, target]);
  return null;
}

const pressed = (e: LeafletKeyboardEvent) => e.originalEvent.key === "Enter" || e.originalEvent.key === " ";

type Select = ChargerMapProps["onSelect"];

/**
 * One charger's marker. Its position array only changes when the charger moves: a new array makes
 * react-leaflet call setLatLng, and the cluster group then re-adds the marker with a new element
 * (losing focus, and churning every marker on every render).
 */
const ChargerMarker = memo(function ChargerMarker({
  charger: c,
  onSelect,
}: {
  charger: NearbyCharger;
  onSelect: Select;
}) {
  const position = useMemo<[number, number]>(() => [c.latitude, c.longitude], [c.latitude, c.longitude]);
  const handlers = useMemo(
    () => ({
      click: (e: L.LeafletEvent) => onSelect(c, (e.target as L.Marker).getElement() ?? null),
      keypress: (e: L.LeafletEvent) =>
        pressed(e as LeafletKeyboardEvent) && onSelect(c, (e.target as L.Marker).getElement() ?? null),
    }),
    [c, onSelect],
  );
  return (
    <Marker
      position={position}
      icon={chargerIcon(c.isPartner, c.status)}
      title={c.isPartner ? `${c.name} (partner)` : c.name}
      zIndexOffset={c.isPartner ? 500 : 0}
      eventHandlers={handlers}
    />
  );
});

export default function ChargerMapInner(props: ChargerMapProps) {
  const { chargers, tileUrl, initialBounds: b, target, position, onBoundsChange, onSelect } = props;
  // a stable callback, so the markers do not re-render when the page does
  const latest = useRef(onSelect);
  useEffect(() => {
    latest.current = onSelect;
  }, [onSelect]);
  const select = useCallback<Select>((c, from) => latest.current(c, from), []);
  return (
    <MapContainer
      bounds={[
        [b.south, b.west],
        [b.north, b.east],
      ]}
      // clustering needs the zoom range, which a tile layer would otherwise give (and there may be none)
      minZoom={3}
      maxZoom={18}
      attributionControl={false}
      className="size-full bg-slate-100!"
      aria-label="Map of chargers"
    >
      {tileUrl ? <TileLayer url={tileUrl} /> : null}
      <BoundsReporter onBoundsChange={onBoundsChange} />
      <FlyTo target={target} />
      <MarkerClusterGroup
        chunkedLoading
        maxClusterRadius={40}
        showCoverageOnHover={false}
        iconCreateFunction={(cluster: { getChildCount(): number }) => clusterIcon(cluster.getChildCount())}
      >
        {chargers.map((c) => (
          <ChargerMarker key={c.id} charger={c} onSelect={select} />
        ))}
      </MarkerClusterGroup>
      {position ? (
        <>
          <Circle
            center={[position.latitude, position.longitude]}
            radius={Math.min(position.accuracy, 2_000)}
            interactive={false}
            pathOptions={{ color: "#0284c7", weight: 1, fillOpacity: 0.1 }}
          />
          <CircleMarker
            center={[position.latitude, position.longitude]}
            radius={7}
            interactive={false}
            pathOptions={{ color: "#ffffff", weight: 2, fillColor: "#0284c7", fillOpacity: 1 }}
          />
        </>
      ) : null}
    </MapContainer>
  );
}
