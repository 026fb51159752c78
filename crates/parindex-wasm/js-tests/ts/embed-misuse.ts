// Must NOT compile: each line below is a mistake the protocol's types catch.
import type { EmbedAppMessage, EmbedHostMessage } from "../../../../target/pkg/web/parindex_wasm";
declare function send(m: EmbedHostMessage): void;
declare const m: EmbedAppMessage;
send({ parindex: 2, type: "get-assessment" });
send({ parindex: 1, type: "load", unit: "UBND xã A", year: 2025 });
send({ parindex: 1, type: "set-lang", lang: "fr" });
send({ parindex: 1, type: "set-readonly", readonly: "yes" });
if (m.type === "resize") console.log(m.total);
m.type === "changed";
