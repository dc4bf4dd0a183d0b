import { optionsFromScript } from './config/dataset';
import type { UiModule } from './ui/contract';
import { createWidget } from './widget';

/** The page's `window.ressenti`: the queue stub before load, the command function after. */
type Command = ((command: string, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; loaded?: boolean };
type Win = Window & { ressenti?: Command; __ressentiUI?: UiModule };

const win = window as Win;
const doc = document;
const tag = (doc.currentScript || doc.querySelector('script[src*="ressenti"][data-endpoint]')) as HTMLScriptElement | null;

// A second copy of the script on the page changes nothing.
if (!win.ressenti?.loaded) start();

function start() {
  const queued = win.ressenti?.q || [];
  const options = tag ? optionsFromScript(tag) : {};
  // The UI lives next to this script; it is fetched only when a survey is about to show.
  const uiUrl = new URL('ressenti-ui.min.js', tag?.src || doc.baseURI).href;
  let uiScript: HTMLScriptElement | undefined;
  let ui: Promise<UiModule> | undefined;
  const loadUI = () =>
    (ui ||= new Promise<UiModule>((resolve, reject) => {
      if (win.__ressentiUI) return resolve(win.__ressentiUI);
      const s = (uiScript = doc.createElement('script'));
      s.src = uiUrl;
      // Under a nonce-based CSP the UI needs the nonce this script was trusted with.
      if (tag?.nonce) s.nonce = tag.nonce;
      const fail = () => {
        ui = undefined; // a later survey may try again
        reject(new Error(`could not load the UI from ${uiUrl}`));
      };
      // A UI file of an older version (a stale copy or cache) lacks the newest part: refused, not run into.
      s.onload = () => (win.__ressentiUI?.buildEvent ? resolve(win.__ressentiUI) : fail());
      s.onerror = fail;
      doc.head.append(s);
    }));

  const widget = createWidget(options, { win, loadUI });
  const commands = widget as unknown as { [name: string]: (...args: unknown[]) => unknown };
  const ressenti: Command = (command, ...args) => {
    const report = (message: string) => widget._report({ source: 'command', message });
    if (typeof commands[command] != 'function' || command[0] == '_') return report('unknown command ' + JSON.stringify(command));
    let result;
    try {
      result = commands[command](...args);
    } catch (err) {
      report(`${command} failed: ${err}`);
    }
    if (command === 'destroy') {
      uiScript?.remove();
      delete win.__ressentiUI;
      // Back to a queue stub: calls wait for the script to be loaded again.
      const stub: Command = (...args) => void (stub.q ||= []).push(args);
      win.ressenti = stub;
    }
    return result;
  };
  ressenti.loaded = true;
  win.ressenti = ressenti;
  for (const args of queued) ressenti(...(Array.from(args) as [string, ...unknown[]]));
}
