"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";

/**
 * A server-rendered page hands its fresh data to the query cache, so coming back to a page shows
 * what the server just read rather than what the cache held from the last visit.
 */
export function useServerSeed<T>(queryKey: QueryKey, data: T): void {
  const client = useQueryClient();
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    client.setQueryData(JSON.parse(key) as QueryKey, data);
  }, [client, key, data]);
}
