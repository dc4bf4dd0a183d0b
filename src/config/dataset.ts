import type { Options } from '../types';

/** Options from the script tag's `data-*` attributes; an absent attribute is an absent key. */
export function optionsFromScript(el: HTMLElement): Options {
  const data = el.dataset;
  const options: Record<string, unknown> = {};
  for (const key of 'endpoint surveys locale consent strings accent theme position'.split(' ')) if (data[key] != null) options[key] = data[key];
  // Flags: present means on, whatever the value.
  if (data.datalayer != null) options.dataLayer = true;
  if (data.debug != null) options.debug = true;
  if (data.visitor == 'off') options.visitor = false;
  if (data.urlParams) options.urlParams = data.urlParams.split(/\s*,\s*/);
  return options;
}
