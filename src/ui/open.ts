import { effect } from '@preact/signals-core';
import { h, render } from 'preact';
import { rtl } from '../i18n/strings';
import type { Position } from '../types';
import type { OpenOptions, UiHandle } from './contract';
import { Frame } from './frame';
import { createStore } from './state';
import { applyStyles, readableOn } from './styles';

/** How long the thanks screen stays while neither the pointer nor keyboard focus is on it; twice that with an action. */
const THANKS_MS = 4000;

/** Where the corners are in logical terms: `right` is the inline end, so a right-to-left host mirrors them. */
const SIDES = { top: 'block-start', bottom: 'block-end', left: 'inline-start', right: 'inline-end' };

/** The insets of a popover at `position`, 16px from its corner; `center` centres it (with margin: auto). */
const inset = (position: Position = 'bottom-right') =>
  position == 'center' ? 'inset:0!important' : 'inset:auto!important;' + position.split('-').map((side) => `inset-${SIDES[side as 'top']}:16px!important`).join(';');

/**
 * Shows one survey: a popover in the top layer, or inline inside `o.target`, and calls `o.onShow()`
 * once it is on screen. Never throws: when it cannot render (no `attachShadow`, the element name
 * taken by the page, a throwing built-in), it cleans up and calls `o.onClose(error)` instead.
 */
export function open(o: OpenOptions): UiHandle {
  const doc = document;
  const host = doc.createElement('ressenti-widget'); // not a div: `div{display:none}` on the page cannot match it
  const popover = !o.target;
  let root: ShadowRoot | undefined;
  let stopTimer = () => {};
  let stopRender = () => {};
  let closed = false;
  /** Where focus came from when the visitor entered the widget: it goes back there when the widget closes. */
  let from: HTMLElement | null = null;

  const close = () => {
    if (closed) return;
    closed = true;
    stopTimer();
    stopRender();
    if (root?.activeElement) from?.focus();
    try {
      if (root) render(null, root); // unmounts, so that nothing of it runs on
    } catch {
      // the host goes all the same
    }
    host.remove();
  };
  const end = (error?: unknown) => {
    if (closed) return;
    close();
    o.onClose(error);
  };
  /** Whether the visitor is on the widget: the pointer over it, or keyboard focus in it (a mouse click's leaves it free). */
  const held = () => host.matches(':hover') || !!root?.querySelector(':focus-visible');

  try {
    root = host.attachShadow({ mode: 'open' });
    const s = createStore(o, end);
    const theme = o.theme || 'light';
    host.setAttribute('data-ressenti-host', '');
    host.addEventListener('focusin', (e) => host.contains(e.relatedTarget as Node) || (from = e.relatedTarget as HTMLElement | null));
    const own = applyStyles(root);
    if (popover) {
      host.setAttribute('popover', 'manual');
      own.insertRule(`:host{${inset(o.position)}}`);
    }
    const parent = o.target || doc.body || doc.documentElement;
    // Right to left in Arabic, Hebrew…, and wherever the page is (read before the host takes a `dir` of its own).
    const page = getComputedStyle(parent).direction;
    parent.append(host);
    try {
      host.showPopover(); // the top layer: above any z-index, untouched by `transform` on <body>
    } catch {
      // no Popover API: position fixed and the highest z-index do what they can
    }
    // One effect renders the whole card: a signal read anywhere while rendering re-renders it when it changes.
    let at: unknown;
    stopRender = effect(() => {
      host.dir = rtl(s.locale.value) ? 'rtl' : page;
      render(h(Frame, { s, popover, theme }), root!);
      // Focus follows the visitor to the next step or the thanks (the control they used is gone), but
      // never lands in the widget on its own when it appears: that would steal it from the page.
      const now = s.done.value || s.state.value.steps[s.step.value];
      if (now != at && s.moved) (root!.querySelector<HTMLElement>('[aria-pressed=true]') || root!.querySelector<HTMLElement>('.sc button,textarea,input,.h'))?.focus();
      at = now;
    });

    // Text on the accent: resolve whatever CSS colour it is on a probe, then pick black or white.
    const accent = o.accent;
    if (accent && !/[;{}]/.test(accent) && CSS.supports('color', accent)) own.insertRule(`.w{--accent:${accent}}`);
    const probe = root.querySelector('.w')!.appendChild(doc.createElement('i'));
    probe.className = 'probe';
    own.insertRule(`.w{--on:${readableOn(getComputedStyle(probe).color)}}`);
    probe.remove();

    // A popover's thanks screen closes by itself, later when it offers an action, never while the visitor is on it.
    if (popover)
      stopTimer = effect(() => {
        if (!s.done.value) return;
        let timer = 0;
        const wait = () => (timer = window.setTimeout(() => (held() ? wait() : end()), s.action.value ? 2 * THANKS_MS : THANKS_MS));
        wait();
        return () => clearTimeout(timer);
      });
    const handle = { setLocale: s.setLocale, close };
    o.onShow(handle);
    s.linked();
    return handle;
  } catch (err) {
    console.error('[ressenti] could not show the survey:', err);
    end(err);
    return { setLocale() {}, close };
  }
}
