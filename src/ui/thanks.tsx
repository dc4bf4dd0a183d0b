import { Icon } from './icon';
import type { Store } from './state';

/** The end: `thanks.text` or "Thank you!", and the thanks action when its `if` holds on the answers. */
export function Thanks({ s }: { s: Store }) {
  const action = s.action.value;
  return (
    <div class="thx">
      <Icon d="M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0M7.5 12.5l3 3 6-6.5" />
      <p class="h" tabIndex={-1}>
        {s.tx(s.survey.thanks?.text) || s.t.value.thanks}
      </p>
      {action && (
        <a class="btn pri" href={action.url}>
          {s.tx(action.label)}
        </a>
      )}
    </div>
  );
}
