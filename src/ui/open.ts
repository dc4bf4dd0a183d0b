import { effect } from '@preact/signals-core';
import { h, render } from 'preact';
import { rtl } from '../i18n/strings';
import { formFocused } from '../journey/quiet';
import type { Stop } from '../platform/listen';
import type { OpenOptions, UiHandle } from './contract';
import { Frame } from './frame';
import { inTheWay, outOfTheWay } from './place';
import { followViewport, swipeDown } from './sheet';
import { createStore } from './state';
import { applyStyles, hostVars, readableOn } from './styles';

/** How long the thanks screen stays while neither the pointer nor keyboard focus is on it; twice that with an action. */
const THANKS_MS = 4000;
/** The arrival of a popover that appeared on its own is announced once it is in the accessibility tree. */
const ANNOUNCE_MS = 500;

/**
 * Shows one survey: a popover in the top layer (a bottom sheet on phones), or inline inside
 * `o.target`, and calls `o.onShow()` once it is on screen. Never throws: when it cannot render (no
 * `attachShadow`, the element name taken by the page, a throwing built-in), it cleans up and calls
 * `o.onClose(error)` instead.
 */
export function open(o: OpenOptions): UiHandle {
  const doc = document;
  const win = window;
  const host = doc.createElement('ressenti-widget'); // not a div: `div{display:none}` on the page cannot match it
  const popover = !o.target;
  const stops: Stop[] = [];
  let root: ShadowRoot | undefined;
  let closed = false;
  /** Where focus came from when the visitor entered the widget: it goes back there when the widget closes. */
  let from: HTMLElement | null = null;

  const close = () => {
    if (closed) return;
    closed = true;
    stops.forEach((stop) => stop());
    if (root?.activeElement) from?.focus();
    try {
      if (root) render(null, root); // unmounts, so that nothing of it runs on
    } catch {
      // the host goes all the same
    }
    // Not host.remove(): Prototype.js replaces it with one that throws when the host is not in the
    // page (a render that failed before it was placed, a page that took it out).
    host.parentNode?.removeChild(host);
  };
  const end = (error?: unknown) => {
    if (closed) return;
    close();
    o.onClose(error);
  };
  /** The control a visitor starts from: the answer given, else the first one (or the thanks text). */
  // Never a text field on a touch screen: focusing one opens the on-screen keyboard over the page.
  const fields = matchMedia('(pointer:coarse)').matches ? '' : 'textarea,';
  const first = () => root!.querySelector<HTMLElement>('[aria-pressed=true]') || root!.querySelector<HTMLElement>('.scale button,input,' + fields + '.message');

  try {
    root = host.attachShadow({ mode: 'open' });
    const s = createStore(o, end);
    const theme = o.theme || 'light';
    host.setAttribute('data-ressenti-host', '');
    host.addEventListener('focusin', (e) => host.contains(e.relatedTarget as Node) || (from = e.relatedTarget as HTMLElement | null));
    const parent = o.target || doc.body || doc.documentElement;
    // Right to left in Arabic, Hebrew…, and wherever the page is (read before the host takes a `dir` of its own).
    const page = getComputedStyle(parent).direction;
    const avoid = inTheWay(doc, host); // before the popover is there: it may appear under the pointer
    parent.append(host);
    const own = applyStyles(root);
    const vars = hostVars(own);
    if (popover) {
      host.setAttribute('popover', 'manual');
      try {
        host.showPopover(); // the top layer: above any z-index, untouched by `transform` on <body>
      } catch {
        // no Popover API: position fixed and the highest z-index do what they can
      }
    }
    // One effect renders the whole card: a signal read anywhere while rendering re-renders it when it changes.
    let at: unknown;
    stops.push(
      effect(() => {
        host.dir = rtl(s._locale.value) ? 'rtl' : page;
        render(h(Frame, { s, popover, theme }), root!);
        // Focus follows the visitor to the next step or the thanks (the control they used is gone).
        const now = s._done.value || s._state.value.steps[s._step.value];
        if (now != at && s._moved) first()?.focus();
        at = now;
      }),
    );
    const card = root.querySelector<HTMLElement>('.card')!;

    // Text on the accent: resolve whatever CSS colour it is on a probe, then pick black or white.
    const accent = o.accent;
    if (accent && !/[;{}]/.test(accent) && CSS.supports('color', accent)) own.insertRule(`.card{--accent:${accent}}`);
    const probe = card.appendChild(doc.createElement('i'));
    probe.className = 'probe';
    own.insertRule(`.card{--on:${readableOn(getComputedStyle(probe).color)}}`);
    probe.remove();

    if (popover) {
      // `show` called from the visitor's click or key (its transient activation outlives the UI's
      // download, about 5 s): they asked for it, so focus goes into it, as into a dialog they open;
      // never out of a field they are typing in (keys count as activation too).
      if (o.invited && navigator.userActivation?.isActive && !formFocused(doc)) first()?.focus();
      else {
        // Its name only ("Feedback"): the question, read again in a live region, would be said twice.
        const announce = () => (s._arrival.value = s._strings.value.label);
        const tab = (e: KeyboardEvent) => {
          if (e.key != 'Tab') return;
          stopTab();
          if (!e.shiftKey && !formFocused(doc) && !host.contains(doc.activeElement)) {
            e.preventDefault();
            first()?.focus();
          }
        };
        const stopTab = () => doc.removeEventListener('keydown', tab, true);
        // A popover that appears on its own never takes focus (that would steal it from the page):
        // it is announced, and the first Tab goes into it.
        doc.addEventListener('keydown', tab, true);
        const timer = setTimeout(announce, ANNOUNCE_MS);
        stops.push(stopTab, () => clearTimeout(timer));
      }
      stops.push(
        followViewport(win, vars),
        outOfTheWay(win, host, hostVars(own), o.position, avoid), // a rule of its own: placing rewrites it whole
        swipeDown(root, card, s._dismiss),
        // The thanks screen closes by itself, later when it offers an action, never while the visitor is on it.
        effect(() => {
          if (!s._done.value) return;
          let timer = 0;
          const wait = () => (timer = win.setTimeout(() => (host.matches(':hover') || root!.querySelector(':focus-visible') ? wait() : end()), s._action.value ? 2 * THANKS_MS : THANKS_MS));
          wait();
          return () => clearTimeout(timer);
        }),
      );
    }
    const handle = { setLocale: s.setLocale, close };
    o.onShow(handle);
    s._linked();
    return handle;
  } catch (err) {
    console.error('[ressenti] could not show the survey:', err);
    end(err);
    return { setLocale() {}, close };
  }
}
