import { vi } from 'vitest';
import type { SurveyPart } from '../../src/survey';
import type { UiModule } from '../../src/ui/contract';
import { createCore, type Core } from '../../src/widget/core';

/** Just the window a widget's parts read, on the global (fake-able) timers. */
export function fakeWindow(path = '/') {
  return {
    setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
    location: { href: 'https://shop.example' + path, pathname: path },
    innerWidth: 1280,
    screen: { width: 1280 },
    matchMedia: () => ({ matches: false }),
    document: { documentElement: { lang: 'en' } },
  } as unknown as Window;
}

/**
 * A widget's state with everything outside it faked: a window, a UI module, a survey file (`ui`)
 * whose `_render` only records its calls (and `_whenFree` says "now"), no storage (consent pending), no sender.
 */
export function fakeCore(more: Partial<Core> = {}) {
  const win = fakeWindow();
  const view = { _open: vi.fn() } as UiModule;
  const ui = {
    _render: vi.fn<SurveyPart['_render']>(),
    _whenFree: vi.fn<SurveyPart['_whenFree']>(() => ({ promise: Promise.resolve(null), cancel() {} })),
    _createSender: vi.fn<SurveyPart['_createSender']>(),
  };
  const w = Object.assign(
    createCore({ consent: 'required' }, { win, loadUI: async () => view, loadSurvey: async () => ui, loadExtra: () => import('../../src/extra'), loadSources: () => import('../../src/journey/start') }),
    more,
  );
  const errors: unknown[] = [];
  w._on('error', (e: never) => errors.push(e));
  return { w, ui, view, win, errors };
}
