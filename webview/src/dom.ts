/**
 * Tiny DOM builders. Plan text only ever reaches the page through `textContent` and
 * `setAttribute` here: there is no innerHTML anywhere in the webview.
 *
 * Two records make a later state patchable in place (patch.ts) instead of replacing the page:
 * - the attributes the page itself set on each element (not those the user or a component set,
 *   like an open `<details>` or a button's reflected `tabindex`), so a patch changes only what the
 *   new state changed;
 * - each element's listeners, called through one trampoline, so an element that a patch keeps
 *   gets the listeners of the state it now shows.
 */
export type Child = Node | string | number | false | null | undefined;
export type Attrs = Record<string, string | number | boolean | undefined | null>;

const SVG_NS = 'http://www.w3.org/2000/svg';

const pageAttrs = new WeakMap<Element, Map<string, string>>();
const handlers = new WeakMap<EventTarget, Map<string, (event: Event) => void>>();

function dispatch(event: Event): void {
  if (event.currentTarget) handlers.get(event.currentTarget)?.get(event.type)?.(event);
}

function fill(el: Element, attrs: Attrs | undefined, children: Child[]): void {
  const set = new Map<string, string>();
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      const text = value === true ? '' : String(value);
      el.setAttribute(name, text);
      set.set(name, text);
    }
  }
  pageAttrs.set(el, set);
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    el.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element. Strings become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  fill(el, attrs, children);
  return el;
}

/** An SVG element (createElementNS). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  fill(el, attrs, children);
  return el;
}

/** A codicon glyph, decorative. */
export function icon(name: string, extra = ''): HTMLElement {
  return h('span', { class: `codicon codicon-${name}${extra ? ` ${extra}` : ''}`, 'aria-hidden': 'true' });
}

/** Sets (or, with undefined, removes) an attribute the page owns, so later patches see it. */
export function attr(el: Element, name: string, value: string | number | undefined): void {
  const set = pageAttrs.get(el) ?? new Map<string, string>();
  pageAttrs.set(el, set);
  if (value === undefined) {
    set.delete(name);
    el.removeAttribute(name);
    return;
  }
  const text = String(value);
  set.set(name, text);
  if (el.getAttribute(name) !== text) el.setAttribute(name, text);
}

/** One listener per element and event type (a second call replaces the first). */
export function on<E extends Element, K extends keyof HTMLElementEventMap>(el: E, type: K, listener: (event: HTMLElementEventMap[K]) => void): E {
  let map = handlers.get(el);
  if (!map) handlers.set(el, (map = new Map()));
  map.set(type, listener as (event: Event) => void);
  el.addEventListener(type, dispatch); // the same function twice is added once
  return el;
}

/** For patch.ts: makes `kept` carry the attributes and listeners that `fresh` was built with. */
export function adopt(kept: Element, fresh: Element): void {
  const before = pageAttrs.get(kept);
  const after = pageAttrs.get(fresh) ?? new Map<string, string>();
  if (before) for (const name of before.keys()) if (!after.has(name)) kept.removeAttribute(name);
  // Only what the page changed since it last drew this element: state the user or a component
  // put in an attribute (an open <details>, a reflected tabindex) stays.
  for (const [name, value] of after) if (before?.get(name) !== value) kept.setAttribute(name, value);
  pageAttrs.set(kept, after);
  const listeners = handlers.get(fresh);
  const old = handlers.get(kept);
  if (listeners) {
    handlers.set(kept, listeners);
    for (const type of listeners.keys()) kept.addEventListener(type, dispatch);
  } else if (old) handlers.delete(kept);
}
