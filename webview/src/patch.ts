/**
 * Patching the page to a new state instead of replacing it: elements that are still there are
 * kept (and so are the focus, the caret, the scroll position, open forms, open <details> and
 * whatever the user typed); only attributes and text the new state changed are written.
 *
 * `morph(kept, fresh)` walks a freshly rendered tree against the one on the page. Children are
 * matched by `data-key` or `id` where they have one, otherwise by position and tag.
 */
import { adopt } from './dom';

function keyOf(node: Node): string | null {
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  return el.getAttribute('data-key') ?? (el.id || null);
}

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a.nodeType !== Node.ELEMENT_NODE) return true;
  const x = a as Element;
  const y = b as Element;
  return x.localName === y.localName && x.namespaceURI === y.namespaceURI && keyOf(x) === keyOf(y);
}

/** Patches `kept` to look like `fresh` and returns the node now on the page (`fresh` if the kinds differ). */
export function morph<T extends Node>(kept: T, fresh: T): T {
  if (!sameKind(kept, fresh)) {
    kept.parentNode?.replaceChild(fresh, kept);
    return fresh;
  }
  if (kept.nodeType !== Node.ELEMENT_NODE) {
    if (kept.nodeValue !== fresh.nodeValue) kept.nodeValue = fresh.nodeValue;
    return kept;
  }
  adopt(kept as unknown as Element, fresh as unknown as Element);
  morphChildren(kept as unknown as Element, fresh as unknown as Element);
  return kept;
}

function morphChildren(kept: Element, fresh: Element): void {
  const next = Array.from(fresh.childNodes);
  let keyed: Map<string, ChildNode> | undefined;
  const wanted = new Set<string>();
  for (const child of next) {
    const key = keyOf(child);
    if (key) wanted.add(key);
  }
  for (let c = kept.firstChild; c; c = c.nextSibling) {
    const key = keyOf(c);
    if (key) (keyed ??= new Map()).set(key, c);
  }
  let cursor = kept.firstChild;
  const dropUnwanted = () => {
    // A keyed child the new state no longer has would otherwise block the positional matches after it.
    while (cursor) {
      const key = keyOf(cursor);
      if (!key || wanted.has(key)) break;
      const gone = cursor;
      cursor = cursor.nextSibling;
      gone.remove();
    }
  };
  for (const node of next) {
    dropUnwanted();
    const key = keyOf(node);
    let match: ChildNode | null = null;
    if (key) {
      const found = keyed?.get(key);
      if (found && sameKind(found, node)) {
        match = found;
        keyed!.delete(key);
      }
    } else if (cursor && !keyOf(cursor)) {
      if (sameKind(cursor, node)) match = cursor;
      else if (cursor.nextSibling && !keyOf(cursor.nextSibling) && sameKind(cursor.nextSibling, node)) {
        // One node removed before a match: drop it rather than rebuild everything after it.
        const gone = cursor;
        cursor = cursor.nextSibling;
        gone.remove();
        match = cursor;
      }
    }
    if (match) {
      if (match === cursor) cursor = cursor.nextSibling;
      else move(kept, match, cursor);
      morph(match, node);
    } else {
      kept.insertBefore(node, cursor);
    }
  }
  while (cursor) {
    const gone = cursor;
    cursor = cursor.nextSibling;
    gone.remove();
  }
}

type MovableParent = ParentNode & { moveBefore?: (node: Node, child: Node | null) => void };

/**
 * Moves `node` before `ref` in `parent`. `moveBefore` (Chromium 133+) keeps focus and a custom
 * element's state through the move; elsewhere an insertBefore, and the focus put back.
 */
export function move(parent: Node, node: Node, ref: Node | null): void {
  const p = parent as unknown as MovableParent;
  // A node that is not in the page yet (a new row) is simply inserted.
  if (p.moveBefore && node.parentNode && node.isConnected && parent.isConnected) {
    try {
      p.moveBefore(node, ref);
      return;
    } catch {
      // not movable atomically here (e.g. another root): fall back below
    }
  }
  const active = document.activeElement;
  const restore = active && node.contains(active) ? keepFocus() : undefined;
  parent.insertBefore(node, ref);
  restore?.();
}

/** The focused element, looking into shadow roots (a vscode-textfield's inner <input>). */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * Remembers the focused control and its selection; the returned function puts them back if the
 * focus was lost in between (a node moved or replaced) and the control is still on the page.
 */
export function keepFocus(): () => void {
  const el = deepActive();
  if (!el || el === document.body || !(el instanceof HTMLElement || el instanceof SVGElement)) return () => {};
  let selection: [number, number, 'forward' | 'backward' | 'none'] | undefined;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    try {
      if (el.selectionStart !== null && el.selectionEnd !== null) selection = [el.selectionStart, el.selectionEnd, el.selectionDirection ?? 'none'];
    } catch {
      // input types without a selection
    }
  }
  return () => {
    if (!el.isConnected || deepActive() === el) return;
    el.focus({ preventScroll: true });
    if (selection && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
      try {
        el.setSelectionRange(...selection);
      } catch {
        // as above
      }
    }
  };
}

let scrollFix = 0;

/**
 * Keeps what the user looks at where it is on screen while a state patches the page: the focused
 * control if it is in view, else what is in the middle of the view. The browser's own scroll
 * anchoring does not look inside the task table (a scroll container of its own, for narrow
 * views), so a row above growing or shrinking would move the rows on screen. Measured again in the
 * next animation frame, once the components have rendered, and corrected before it is painted;
 * states that come before that frame share one correction.
 */
export function keepScroll(): void {
  const scroller = document.scrollingElement;
  if (scrollFix || !scroller || scroller.scrollTop === 0) return;
  const focused = document.activeElement;
  const inView = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
  };
  let el: Element | null = focused && focused !== document.body && inView(focused) ? focused : document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
  // The element itself may go with the new state; then the nearest ancestor that stays.
  const chain: [Element, number][] = [];
  for (; el && el !== document.body && el !== document.documentElement; el = el.parentElement) chain.push([el, el.getBoundingClientRect().top]);
  if (chain.length === 0) return;
  scrollFix = requestAnimationFrame(() => {
    scrollFix = 0;
    const kept = chain.find(([candidate]) => candidate.isConnected);
    if (!kept) return;
    const moved = kept[0].getBoundingClientRect().top - kept[1];
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  });
}
