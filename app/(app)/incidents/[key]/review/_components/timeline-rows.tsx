"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState } from "react";
import type { AnyForm } from "./field-parts";
import { TimelineRow } from "./timeline-row";

// Past this many entries only the rows near the viewport are in the DOM (on the server too): a
// timeline drafted from thousands of alerts stays quick to render, scroll and type in.
const VIRTUALISE_AFTER = 60;

type Props = {
  form: AnyForm;
  fields: { id: string }[];
  canEdit: boolean;
  selected: Set<string>;
  setSelected: (update: (s: Set<string>) => Set<string>) => void;
  remove: (index: number) => void;
};

export function TimelineRows(props: Props) {
  if (props.fields.length <= VIRTUALISE_AFTER) {
    return (
      <ol className="space-y-1.5" aria-label="Timeline entries">
        {props.fields.map((field, index) => (
          <TimelineRow key={field.id} {...props} field={field} index={index} count={props.fields.length} />
        ))}
      </ol>
    );
  }
  return <VirtualTimelineRows {...props} />;
}

function VirtualTimelineRows(props: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY), []);
  const virtualizer = useWindowVirtualizer({
    count: props.fields.length,
    estimateSize: () => 104,
    overscan: 6,
    gap: 6,
    scrollMargin: offset,
    getItemKey: (index) => props.fields[index]!.id,
    // What the server renders (and the first client render matches): the first screenful.
    initialRect: { width: 1024, height: 1200 },
  });
  return (
    <>
      <p className="text-xs text-slate-500">{props.fields.length.toLocaleString("en")} entries; the list renders as you scroll.</p>
      <ol aria-label="Timeline entries" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <TimelineRow
            key={row.key}
            {...props}
            field={props.fields[row.index]!}
            index={row.index}
            count={props.fields.length}
            rowRef={virtualizer.measureElement}
            style={{
              position: "absolute",
              top: 0,
              left: 0,
              width: "100%",
              transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              paddingBottom: 6,
            }}
          />
        ))}
      </ol>
    </>
  );
}
