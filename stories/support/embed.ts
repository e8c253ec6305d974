/**
 * What every widget's stories share: the element built from args as an embed snippet writes it,
 * and a way into its shadow root from a play function.
 */

export interface EmbedSpec<TArgs> {
  tag: string;
  /** Args that are attributes, by attribute name, in snippet order. */
  attributes: readonly (keyof TArgs & string)[];
  /** The element's own defaults: an attribute equal to its default is left out of the snippet. */
  defaults: Partial<Record<keyof TArgs, unknown>>;
  /** Args that are event handlers: arg name → event name. */
  events?: Partial<Record<keyof TArgs & string, string>>;
}

/** `<pbgdpl-…>` with the args as attributes (booleans as present/absent) and `--pbgdpl-*` args as custom properties. */
export function embedElement<TArgs extends object>(spec: EmbedSpec<TArgs>, args: Partial<TArgs>): HTMLElement {
  const el = document.createElement(spec.tag);
  const values = args as Record<string, unknown>;
  for (const name of spec.attributes) {
    const value = values[name];
    if (value === undefined || value === null || value === '' || value === false || value === spec.defaults[name as keyof TArgs]) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith('--pbgdpl-') && typeof value === 'string' && value) el.style.setProperty(name, value);
  }
  for (const [arg, event] of Object.entries(spec.events ?? {})) {
    const handler = values[arg];
    if (typeof handler === 'function' && event) el.addEventListener(event as string, handler as EventListener);
  }
  return el;
}

export type WidgetElement = HTMLElement & { shadowRoot: ShadowRoot; updateComplete: Promise<boolean> };

/** The story's `<tag>`, once it has its shadow root. */
export const widgetOf =
  (tag: string) =>
  (canvas: HTMLElement): WidgetElement => {
    const el = canvas.querySelector(tag);
    if (!el?.shadowRoot) throw new Error(`no <${tag}> with a shadow root in the story`);
    return el as WidgetElement;
  };
