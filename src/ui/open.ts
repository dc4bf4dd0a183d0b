import { effect } from '@preact/signals';
import { h, render } from 'preact';
import type { Position } from '../types';
import type { OpenOptions, UiHandle } from './contract';
import { Frame } from './frame';
import { createStore } from './state';
import { applyStyles, readableOn } from './styles';

/** How long the thanks screen stays, while neither the pointer nor a control's focus is on it. */
const THANKS_MS = 4000;

/** `inset` of a popover at `position`, 16px from its edges; `center` centres it (with margin: auto). */
const inset = (position: Position = 'bottom-right') =>
  position == 'center'
    ? '0'
    : ['top', 'right', 'bottom', 'left'].map((side) => (position.includes(side) ? '16px' : 'auto')).join(' ');

/**
 * Shows one survey: a popover in the top layer, or inline inside `o.target`. Never throws: when it
 * cannot render, it cleans up and calls `o.onClose()`.
 */
export function open(o: OpenOptions): UiHandle {
  const doc = document;
  const host = doc.createElement('ressenti-widget'); // not a div: `div{display:none}` on the page cannot match it
  const popover = !o.target;
  let root: ShadowRoot | undefined;
  let stopTimer = () => {};
  let closed = false;
  /** Where focus came from when the visitor entered the widget: it goes back there when the widget closes. */
  let from: HTMLElement | null = null;

  const close = () => {
    if (closed) return;
    closed = true;
    stopTimer();
    if (root?.activeElement) from?.focus();
    try {
      if (root) render(null, root); // unmounts, so that nothing of it runs on
    } catch {
      // the host goes all the same
    }
    host.remove();
  };
  const end = () => {
    if (closed) return;
    close();
    o.onClose();
  };
  /** Whether the visitor is on the widget: the pointer over it, or focus on one of its controls. */
  const held = () => host.matches(':hover') || ((root?.activeElement as HTMLElement | null)?.tabIndex ?? -1) >= 0;

  try {
    root = host.attachShadow({ mode: 'open' });
    const s = createStore(o, end);
    host.setAttribute('data-ressenti-host', '');
    host.addEventListener('focusin', (e) => host.contains(e.relatedTarget as Node) || (from = e.relatedTarget as HTMLElement | null));
    const own = applyStyles(root);
    if (popover) {
      host.setAttribute('popover', 'manual');
      own.insertRule(`:host{inset:${inset(o.position)}!important}`);
    }
    (o.target || doc.body || doc.documentElement).append(host);
    try {
      host.showPopover(); // the top layer: above any z-index, untouched by `transform` on <body>
    } catch {
      // no Popover API: position fixed and the highest z-index do what they can
    }
    render(h(Frame, { s, popover, theme: o.theme || 'light' }), root);

    // Text on the accent: resolve whatever CSS colour it is on a probe, then pick black or white.
    const accent = o.accent;
    if (accent && !/[;{}]/.test(accent) && CSS.supports('color', accent)) own.insertRule(`.w{--accent:${accent}}`);
    const probe = root.querySelector('.w')!.appendChild(doc.createElement('i'));
    probe.className = 'probe';
    own.insertRule(`.w{--on:${readableOn(getComputedStyle(probe).color)}}`);
    probe.remove();

    // A popover's thanks screen closes by itself, unless it offers an action or the visitor is on it.
    if (popover)
      stopTimer = effect(() => {
        if (!s.done.value || s.action.value) return;
        let timer = 0;
        const wait = () => (timer = window.setTimeout(() => (held() ? wait() : end()), THANKS_MS));
        wait();
        return () => clearTimeout(timer);
      });
    return { setLocale: s.setLocale, close };
  } catch (err) {
    console.error('[ressenti] could not show the survey:', err);
    end();
    return { setLocale() {}, close };
  }
}
