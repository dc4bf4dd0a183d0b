// How Chromium is started, shared by the browser tests (harness.ts) and the bench.
import { chromium } from 'playwright-core';

/** The Chromium to drive: `CHROMIUM_PATH`, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying to reach Google's hosts.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh Chromium with a throwaway profile. */
export const launchBrowser = () => chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });

/** Chromium on a profile directory that outlives it. */
export const launchPersistent = (dir, options = {}) =>
  chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, headless: true, ...options });
