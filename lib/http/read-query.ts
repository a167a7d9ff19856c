/** Query parameters by name; a repeated one (?severity=SEV1&severity=SEV2) becomes the comma-separated list the filters take. */
export function readQuery(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key).join(",")]));
}
