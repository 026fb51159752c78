// Whether this page may run where it is: inside another site's frame (an <iframe>) only
// when that site's origin is one this deployment trusts (`nhung.json` beside the page,
// none by default; docs/embedding.md). A host that sends `frame-ancestors` stops an
// untrusted frame before this runs; this is for the hosts that do not. Then starting the
// page's wasm while the page says what happens. Shared by every page's boot script (the
// app's, the desk's, the embedded app's, the editor's).

// The origins of the pages this one is framed in (every ancestor, as `frame-ancestors`
// checks them), or none when it is not framed.
export function framers() {
  if (window.self === window.top) return [];
  if (location.ancestorOrigins && location.ancestorOrigins.length) return [...location.ancestorOrigins];
  try {
    return [new URL(document.referrer).origin];
  } catch {
    return [""];
  }
}

async function trustedOrigins() {
  try {
    const list = (await (await fetch(new URL("./nhung.json", import.meta.url))).json()).trusted_origins;
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/**
 * The framing origins, and whether the page refused to run among them: then it says so
 * in place of its content, and its boot script loads nothing else.
 */
export async function framing() {
  const origins = framers();
  const trusted = origins.length ? await trustedOrigins() : [];
  const refused = origins.some((origin) => !trusted.includes(origin));
  if (refused) {
    document.body.dataset.refused = "framed";
    document.body.textContent =
      "Trang này không cho phép nhúng vào trang khác. Hãy mở trực tiếp. / This page may not be embedded in another site. Open it directly.";
    console.warn(`parindex: embedding by ${origins.join(", ") || "an unknown site"} is not allowed (nhung.json)`);
  }
  return { origins, refused };
}

/**
 * Starts the page's wasm (`init`, the wasm-bindgen module's) while the notice in the
 * page's HTML (`#booting`) says it loads: after a few seconds also why a first visit
 * takes long, and if it cannot load (a connection lost halfway, say) what to do, with a
 * button to try again. The app replaces the notice when it mounts. Resolves whether the
 * page started.
 */
export async function start(init) {
  const notice = document.getElementById("booting");
  const slow = setTimeout(() => notice?.classList.add("slow"), 3000);
  try {
    await init();
    return true;
  } catch (err) {
    console.error("parindex: the page could not start", err);
    if (notice?.isConnected) {
      notice.classList.remove("slow");
      notice.classList.add("failed");
      notice.querySelector("button")?.addEventListener("click", () => location.reload());
    }
    return false;
  } finally {
    clearTimeout(slow);
  }
}
