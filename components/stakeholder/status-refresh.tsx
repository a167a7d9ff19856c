/** How often an open share-link page asks whether what it shows changed: AutoRefresh's interval in the app. */
export const REFRESH_SECONDS = 30;

/**
 * AutoRefresh without React, for the share link's plain-HTML page: every REFRESH_SECONDS (and when
 * the tab comes back) it asks the note's version URL, and reloads when the version changed or the
 * link stopped working (the reload then gets the 404 page). A hidden tab asks nothing; a failed
 * fetch waits for the next tick. It is one constant string: the token and version reach it as
 * data attributes React escaped, never spliced into script text. `data-live` says it started.
 */
export const STATUS_REFRESH_SCRIPT = `(() => {
  const note = document.getElementById("auto-refresh");
  const checked = note && note.querySelector(".checked");
  if (!checked) return;
  const { versionUrl, version } = note.dataset;
  const check = async () => {
    if (document.visibilityState === "hidden") return;
    try {
      const response = await fetch(versionUrl, { cache: "no-store" });
      if (response.status === 404) return location.reload();
      if (!response.ok) return;
      const body = await response.json();
      checked.textContent = "; last checked " + new Date().toISOString().slice(11, 16) + " UTC";
      if (body.data && body.data.version && body.data.version !== version) location.reload();
    } catch {}
  };
  setInterval(check, ${REFRESH_SECONDS * 1000});
  document.addEventListener("visibilitychange", check);
  note.dataset.live = "";
})();`;

/**
 * The note and its script. Without the response's nonce (the proxy did not run) the CSP would block
 * the script, so neither is rendered: a note promising updates that never come would mislead.
 */
export function StatusRefresh({ versionUrl, version, nonce }: { versionUrl: string; version: string; nonce: string | null }) {
  if (!nonce) return null;
  return (
    <>
      <p id="auto-refresh" className="auto-refresh" aria-live="polite" data-version-url={versionUrl} data-version={version}>
        Updates itself every {REFRESH_SECONDS} seconds<span className="checked"></span>.
      </p>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: STATUS_REFRESH_SCRIPT }} />
    </>
  );
}
