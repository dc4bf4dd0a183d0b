// The widget's CSS, applied through constructable stylesheets adopted by the shadow root: no
// <style> element and no style="" attribute, so it works under `style-src 'self'`.
// Px only (pages set `html{font-size:6px}`); 16px text; 44px targets where the row allows.

// Dark colours, for the `dark` theme and for `auto` under `prefers-color-scheme: dark`.
// Faces go from red to green, at the theme's lightness: 3:1 against its background.
const DARK = '--bg:#1d1f24;--bg2:#282b31;--fg:#f2f3f5;--mute:#b0b6c0;--line:#737a85;--face:72%;color-scheme:dark';

const CSS =
  // Inner `!important` beats the page's `!important` on the host: nothing the page says reaches the widget.
  ':host{all:initial!important;display:block!important}' +
  ':host([popover]){position:fixed!important;z-index:2147483647!important;margin:auto!important;width:min(380px,calc(100vw - 24px))!important;height:fit-content!important}' +
  '*{box-sizing:border-box;margin:0}' +
  '.w{--accent:#4263eb;--on:#fff;--bg:#fff;--bg2:#f5f6f8;--fg:#16181d;--mute:#5a616d;--line:#8a909a;--face:34%;color-scheme:light;' +
  'position:relative;padding:20px;border-radius:16px;background:var(--bg);color:var(--fg);accent-color:var(--accent);' +
  'font:16px/1.45 system-ui,sans-serif;text-align:start;overflow-wrap:anywhere}' +
  `.dark{${DARK}}@media(prefers-color-scheme:dark){.auto{${DARK}}}` +
  '.pop{max-height:calc(100vh - 24px);overflow:auto;box-shadow:0 12px 40px #0004,0 0 0 1px #8884;animation:in .2s}' +
  '@keyframes in{from{opacity:0;transform:translateY(12px)}}' +
  // Phones: 16px padding keeps 11 NPS points at a 24px pitch on a 320px screen (WCAG 2.5.8).
  '@media(max-width:400px){.w{padding:16px}}' +
  '.inl{border:1px solid var(--line)}' +
  'h2,.h{font-size:18px;font-weight:600;line-height:1.35}h2{margin-bottom:16px}.pop h2{padding-inline-end:36px}' +
  '.n,.ends{color:var(--mute);margin-bottom:4px}' +
  'button,textarea{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer}' +
  ':focus-visible{outline:2px solid var(--fg);outline-offset:2px}.h{outline:0}' + // .h: focused by us, not a control
  'svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:1.7;stroke-linecap:round;stroke-linejoin:round}' +
  '.x{position:absolute;top:8px;inset-inline-end:8px;width:44px;height:44px;border-radius:50%;display:grid;place-items:center;color:var(--mute)}' +
  '.sc,.ends,.f{display:flex;gap:6px}.col{flex-direction:column}' +
  '.o{flex:1;min-width:24px;min-height:44px;padding:6px;display:flex;align-items:center;justify-content:center;gap:12px;' +
  'border:1px solid var(--line);border-radius:10px;background:var(--bg2);font-weight:500}' +
  '.col .o{justify-content:start;text-align:start;padding:8px 14px}.num{gap:4px}.num .o{padding:0;min-width:0;white-space:nowrap}' +
  '.o[aria-pressed=true]{background:var(--accent);border-color:var(--accent);color:var(--on)}' +
  '.emo .o{min-height:56px;border:0;background:none;--hue:0;color:hsl(var(--hue) 75% var(--face))}.emo svg{width:40px;height:40px;stroke-width:1.6}' +
  '.emo :nth-child(2){--hue:28}.emo :nth-child(3){--hue:45}.emo :nth-child(4){--hue:85}.emo :nth-child(5){--hue:140}.emo [aria-pressed=true]{background:var(--bg2);box-shadow:inset 0 0 0 2px}' +
  // The name of the face or star under the pointer or focus, else of the one picked, as text under the row.
  '.emo,.stars{position:relative;padding-bottom:28px}.emo ::after,.stars ::after{position:absolute;inset:auto 0 0;color:var(--mute);text-align:center}' +
  ':is(.emo,.stars) :is(:hover,:focus-visible)::after,:is(.emo,.stars):not(:hover,:focus-within) [aria-pressed=true]::after{content:attr(aria-label)}' +
  '.thumbs .o{min-height:52px}.thumbs svg{width:28px;height:28px}.thumbs .o+.o svg{transform:scaleY(-1)}' +
  '.stars{gap:2px}.stars .o{border:0;background:none;color:var(--mute)}.stars svg{width:100%;max-width:36px;height:auto}' +
  '.stars .on{color:var(--accent)}.on svg{fill:currentColor}' +
  // Hover: a border, and stars filled up to the pointer; touch screens would keep them stuck.
  '@media(hover:hover){.o:hover{border-color:var(--fg)}.x:hover{color:var(--fg)}' +
  '.stars:hover .o{color:var(--accent)}.stars:hover svg{fill:currentColor}.stars .o:hover~.o{color:var(--mute)}.stars .o:hover~.o svg{fill:none}}' +
  '.ends{justify-content:space-between;margin:8px 0 0}#hi{text-align:end}' +
  'input{width:20px;height:20px;flex:none}' +
  'textarea{display:block;width:100%;min-height:96px;padding:10px 12px;border:1px solid var(--line);border-radius:10px;resize:vertical;cursor:text}' +
  '::placeholder{color:var(--mute);opacity:1}' +
  '.f{margin-top:16px}' +
  '.btn{min-height:44px;padding:0 20px;display:inline-flex;align-items:center;border:1px solid var(--line);border-radius:10px;font-weight:600;text-decoration:none}' +
  '.pri{margin-inline-start:auto;background:var(--accent);border-color:var(--accent);color:var(--on)}' +
  '.btn:disabled{opacity:.45;cursor:default}' +
  '.thx{display:flex;flex-direction:column;align-items:center;gap:12px;padding:8px 0;text-align:center}' +
  '.thx svg{width:44px;height:44px;color:var(--accent)}.thx .pri{margin:0}' +
  // Reads the accent as sRGB numbers (oklch(), lab() stay as written in computed styles).
  '.probe{color:var(--accent)}@supports(color:color-mix(in srgb,red,red)){.probe{color:color-mix(in srgb,var(--accent),var(--accent))}}' +
  '@media(prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}';

let shared: CSSStyleSheet | undefined;

/**
 * Styles a shadow root: the shared sheet (built once) and a sheet of its own, returned for the
 * per-widget rules (accent, position). Without constructable stylesheets (old browsers) a <style>
 * element stands in: fine everywhere but under a strict CSP.
 */
export function applyStyles(root: ShadowRoot): Pick<CSSStyleSheet, 'insertRule'> {
  try {
    if (!shared) (shared = new CSSStyleSheet()).replaceSync(CSS);
    const own = new CSSStyleSheet();
    root.adoptedStyleSheets = [shared, own];
    return own;
  } catch {
    const style = root.ownerDocument.createElement('style');
    style.textContent = CSS;
    root.append(style);
    return { insertRule: (rule: string) => ((style.textContent += rule), 0) };
  }
}

/** Near-black or white, whichever reads better on a computed colour (`rgb(…)` or `color(srgb …)`). */
export function readableOn(color: string): string {
  const [r, g, b] = (color.match(/[\d.]+/g) || []).map((c) => +c / (color.startsWith('color(') ? 1 : 255));
  if (b == null) return '#fff';
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const y = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  // Black or white: one of them always reaches 4.5:1 (at the worst, y = 0.179, both give 4.58), so no
  // accent needs a warning for its text; #111 fell short between 0.17 and 0.21.
  return y > 0.179 ? '#000' : '#fff';
}
