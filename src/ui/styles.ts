// The widget's CSS, applied through constructable stylesheets adopted by the shadow root: no
// <style> element and no style="" attribute, so it works under `style-src 'self'` (the few
// custom properties the script sets on the host, `--keyboard`, go through the CSSOM, which it allows).
// Px only (pages set `html{font-size:6px}`); 16px text; 44px targets where the row allows.

// Dark colours, for the `dark` theme and for `auto` under `prefers-color-scheme: dark`.
// Faces go from red to green, at the theme's lightness: 3:1 against its background.
const DARK = '--bg:#1d1f24;--bg2:#282b31;--fg:#f2f3f5;--mute:#b0b6c0;--line:#737a85;--face:72%;color-scheme:dark';

const CSS =
  // Inner `!important` beats the page's `!important` on the host: nothing the page says reaches the widget.
  ':host{all:initial!important;display:block!important}' +
  ':host([popover]){position:fixed!important;z-index:2147483647!important;margin:auto!important;width:min(380px,calc(100vw - 24px))!important;height:fit-content!important}' +
  '*{box-sizing:border-box;margin:0}' +
  '.card{--accent:#4263eb;--on:#fff;--bg:#fff;--bg2:#f5f6f8;--fg:#16181d;--mute:#5a616d;--line:#8a909a;--face:34%;color-scheme:light;' +
  'position:relative;padding:20px;border-radius:16px;background:var(--bg);color:var(--fg);accent-color:var(--accent);' +
  'font:16px/1.45 system-ui,sans-serif;text-align:start;overflow-wrap:anywhere}' +
  `.dark{${DARK}}@media(prefers-color-scheme:dark){.auto{${DARK}}}` +
  // Its content scrolls when it is taller than the screen; a control scrolled to (Tab) keeps a margin from its edges.
  '.popover{max-height:calc(100vh - 24px);overflow:auto;overscroll-behavior:contain;scroll-padding:16px;box-shadow:0 12px 40px #0004,0 0 0 1px #8884;animation:in .2s}' +
  // Phones: a full-width sheet at the bottom, above the on-screen keyboard (sheet.ts), about 40% of the screen at most.
  // A phone's screen (device-width) too: a desktop-only page is laid out 980px wide there (sheet.ts zooms the sheet back).
  '@media(max-width:639px),(max-device-width:639px){:host([popover]){inset:auto 0 var(--keyboard,0)!important;width:auto!important}' +
  // (A phone in landscape is wider than that: only the bottom's safe area, above the home bar, matters.)
  '.popover{max-height:min(max(40vh,280px),100vh - var(--keyboard,0px));border-radius:16px 16px 0 0;padding-bottom:max(16px,env(safe-area-inset-bottom))}' +
  // A sheet at the top instead when the bottom one would cover what must stay in reach (place.ts).
  ':host([data-top]){inset:0 0 auto!important}:host([data-top]) .popover{border-radius:0 0 16px 16px;padding-top:max(16px,env(safe-area-inset-top))}}' +
  '@keyframes in{from{opacity:0;transform:translateY(12px)}}' +
  // Phones: 16px padding keeps 11 NPS points at a 24px pitch on a 320px screen (WCAG 2.5.8).
  '@media(max-width:400px){.card{padding:16px}}' +
  '.inline{border:1px solid var(--line)}' +
  'h2,.message{font-size:18px;font-weight:600;line-height:1.35}h2{margin-bottom:16px}.popover h2{padding-inline-end:36px}' +
  '.progress,.ends{color:var(--mute);margin-bottom:4px}' +
  'button,textarea{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer}' +
  // One ring, over the control's own border. .message: focused by us, not a control.
  ':focus-visible{outline:2px solid var(--fg);outline-offset:-1px}.message{outline:0}' +
  '.hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}' +
  'svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:1.7;stroke-linecap:round;stroke-linejoin:round}' +
  '.close{position:absolute;top:8px;inset-inline-end:8px;width:44px;height:44px;border-radius:50%;display:grid;place-items:center;color:var(--mute)}' +
  '.scale,.ends,.actions{display:flex;gap:6px}.column{flex-direction:column}' +
  '.option{flex:1;min-width:24px;min-height:44px;padding:6px;display:flex;align-items:center;justify-content:center;gap:12px;' +
  'border:1px solid var(--line);border-radius:10px;background:var(--bg2);font-weight:500}' +
  '.column .option{justify-content:start;text-align:start;padding:8px 14px}.numbers{gap:4px}.numbers .option{padding:0;min-width:0;white-space:nowrap}' +
  '.option[aria-pressed=true]{background:var(--accent);border-color:var(--fg);color:var(--on)}' +
  '.faces .option{min-height:56px;border:0;background:none;--hue:0;color:hsl(var(--hue) 75% var(--face))}.faces svg{width:40px;height:40px;stroke-width:1.6}' +
  '.faces :nth-child(2){--hue:28}.faces :nth-child(3){--hue:45}.faces :nth-child(4){--hue:85}.faces :nth-child(5){--hue:140}' +
  '.faces [aria-pressed=true]{background:var(--bg2);box-shadow:inset 0 0 0 2px}' +
  // The name of the face or star under the pointer or focus, else of the one picked, as text under the row.
  '.faces,.stars{position:relative;padding-bottom:28px}.faces ::after,.stars ::after{position:absolute;inset:auto 0 0;color:var(--mute);text-align:center}' +
  ':is(.faces,.stars) :is(:hover,:focus-visible)::after,:is(.faces,.stars):not(:hover,:focus-within) [aria-pressed=true]::after{content:attr(aria-label)}' +
  '.thumbs .option{min-height:52px}.thumbs svg{width:28px;height:28px}.thumbs .option+.option svg{transform:scaleY(-1)}' +
  '.stars{gap:2px}.stars .option{border:0;background:none}.stars svg{width:100%;max-width:36px;height:auto;stroke:var(--mute)}' +
  '.stars .on{color:var(--accent)}.on svg{fill:currentColor}' +
  // Hover: a border, and stars filled up to the pointer; touch screens would keep them stuck.
  '@media(hover:hover){.option:hover{border-color:var(--fg)}.close:hover{color:var(--fg)}' +
  '.stars:hover .option{color:var(--accent)}.stars:hover svg{fill:currentColor}.stars .option:hover~.option svg{fill:none}}' +
  '.ends{justify-content:space-between;margin:8px 0 0}#high{text-align:end}' +
  'input{width:20px;height:20px;flex:none}' +
  'textarea{display:block;width:100%;min-height:96px;padding:10px 12px;border:1px solid var(--line);border-radius:10px;resize:vertical;cursor:text}' +
  '::placeholder{color:var(--mute);opacity:1}' +
  '.actions{margin-top:16px}' +
  '.btn{min-height:44px;padding:0 20px;display:inline-flex;align-items:center;border:1px solid var(--line);border-radius:10px;font-weight:600;text-decoration:none}' +
  '.primary{margin-inline-start:auto;background:var(--accent);border-color:var(--accent);color:var(--on)}' +
  '.btn:disabled{opacity:.45;cursor:default}' +
  '.thanks{display:flex;flex-direction:column;align-items:center;gap:12px;padding:8px 0;text-align:center}' +
  '.thanks svg{width:44px;height:44px;color:var(--accent)}.thanks .primary{margin:0}' +
  // Reads the accent as sRGB numbers (oklch(), lab() stay as written in computed styles).
  '.probe{color:var(--accent)}@supports(color:color-mix(in srgb,red,red)){.probe{color:color-mix(in srgb,var(--accent),var(--accent))}}' +
  '@media(prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}' +
  // Forced colours drop backgrounds: the picked answer takes the system's highlight.
  '@media(forced-colors:active){.option[aria-pressed=true]{forced-color-adjust:none;background:Highlight;color:HighlightText}}';

let shared: CSSStyleSheet | undefined;

/**
 * Styles a shadow root, whose host is in the document: the shared sheet (built once) and a sheet of
 * its own, returned for the per-widget rules (accent, place). Without constructable stylesheets (old
 * browsers) a <style> element stands in: fine everywhere but under a strict CSP.
 */
export function applyStyles(root: ShadowRoot): CSSStyleSheet {
  try {
    if (!shared) (shared = new CSSStyleSheet()).replaceSync(CSS);
    const own = new CSSStyleSheet();
    root.adoptedStyleSheets = [shared, own];
    return own;
  } catch {
    const style = root.ownerDocument.createElement('style');
    style.textContent = CSS;
    root.append(style);
    return style.sheet!;
  }
}

/** A `:host{}` rule of `sheet` whose custom properties the script sets (`--keyboard`): no style attribute. */
export const hostVars = (sheet: CSSStyleSheet) => (sheet.cssRules[sheet.insertRule(':host{}')] as CSSStyleRule).style;

/**
 * Black or white, whichever reads better on a computed colour (`rgb(…)` or `color(srgb …)`): one of
 * them always reaches 4.5:1 (at the worst, relative luminance 0.179, both give 4.58), so no accent
 * needs a warning for the text on it.
 */
export function readableOn(color: string): string {
  const [r, g, b] = (color.match(/[\d.]+/g) || []).map((c) => +c / (color.startsWith('color(') ? 1 : 255));
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) > 0.179 ? '#000' : '#fff';
}
