// Compiles with `tsc --strict`: a site framing the app's nhung/ page (docs/embedding.md).
import type { Assessment, EmbedAppMessage, EmbedHostMessage } from "../../../../target/pkg/web/parindex_wasm";

export function host(frame: HTMLIFrameElement, appOrigin: string, saved: Assessment): void {
  const send = (m: EmbedHostMessage) => frame.contentWindow?.postMessage(m, appOrigin);
  window.addEventListener("message", (e: MessageEvent<EmbedAppMessage>) => {
    if (e.source !== frame.contentWindow || e.origin !== appOrigin) return;
    const m = e.data;
    switch (m.type) {
      case "ready":
        if (m.open === null) send({ parindex: 1, type: "load", assessment: saved });
        else send({ parindex: 1, type: "load", framework: "mau-xa@2024", unit: "UBND xã A", year: 2025, id: "new" });
        break;
      case "resize":
        frame.style.height = `${m.height}px`;
        break;
      case "change": {
        const index: string | null = m.total?.index ?? null;
        const errors: string[] = m.errors.map((d) => `${d.code} ${d.location.criterion ?? ""}`);
        console.log(index, errors, m.assessment?.unit);
        break;
      }
      case "scorecard": {
        const bytes: string = m.json;
        const points: string = m.scorecard.total.points;
        console.log(bytes.length, points, m.id);
        break;
      }
      case "error":
        if (m.code === "embed.no-assessment") send({ parindex: 1, type: "load", toml: "…", unit: "UBND xã A", year: 2025 });
        console.log(m.message.vi, m.details[0]?.location.field);
        break;
    }
  });
  send({ parindex: 1, type: "get-scorecard", id: 1 });
  send({ parindex: 1, type: "set-lang", lang: "en" });
  send({ parindex: 1, type: "set-readonly", readonly: true });
  send({ parindex: 1, type: "load", assessment: JSON.stringify(saved), toml: "…" });
}
