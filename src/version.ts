/** This build's version: the script tag refuses a UI file (or a copy in the page's global) of another. */
export const VERSION = '0.1.0';
