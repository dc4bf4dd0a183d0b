import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';

export const CHROMIUM: string;
export function launchBrowser(): Promise<Browser>;
export function launchPersistent(dir: string, options?: BrowserContextOptions): Promise<BrowserContext>;
