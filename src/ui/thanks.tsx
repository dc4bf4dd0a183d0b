import { Icon } from './icon';
import type { Store } from './state';

/** The end: `thanks.text` or "Thank you!", and the thanks action when its `if` holds on the answers. */
export function Thanks({ s }: { s: Store }) {
  const action = s._action.value;
  return (
    <div class="thanks">
      <Icon d="M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0M7.5 12.5l3 3 6-6.5" />
      <p class="message" tabIndex={-1}>
        {s._text(s._survey.thanks?.text) || s._strings.value.thanks}
      </p>
      {action && (
        <a class="btn primary" href={action.url}>
          {s._text(action.label)}
        </a>
      )}
    </div>
  );
}
