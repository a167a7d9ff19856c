"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchJson } from "@/components/api/fetch-json";
import { useServerSeed } from "@/components/api/use-server-seed";
import type { Review } from "@/lib/reviews/get-review";

export type ReviewKind = "report" | "status_update";
export const reviewQueryKey = (key: string, kind: ReviewKind) => ["review", key, kind] as const;

/** The review, kept live: polled every few seconds so edits from other people and the drafter show up without a reload. */
export function useReviewQuery(initial: Review, kind: ReviewKind) {
  useServerSeed(reviewQueryKey(initial.incident.key, kind), initial);
  return useQuery({
    queryKey: reviewQueryKey(initial.incident.key, kind),
    queryFn: ({ signal }) => fetchJson<Review>(`/api/incidents/${initial.incident.key}/review?kind=${kind}`, { signal }),
    initialData: initial,
    refetchInterval: 4000,
    staleTime: 2000,
  });
}

/** Reads and patches the cached review, for optimistic updates and for the version a save must carry. */
export function useReviewCache(key: string, kind: ReviewKind) {
  const client = useQueryClient();
  const queryKey = reviewQueryKey(key, kind);
  const read = useCallback(() => client.getQueryData<Review>(queryKey), [client, queryKey]);
  const patch = useCallback(
    (update: (review: Review) => Review) => {
      const current = client.getQueryData<Review>(queryKey);
      if (current) client.setQueryData<Review>(queryKey, update(current));
    },
    [client, queryKey],
  );
  const refresh = useCallback(() => client.invalidateQueries({ queryKey }), [client, queryKey]);
  return { read, patch, refresh, client };
}
