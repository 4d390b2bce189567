/**
 * A web page → a tree, built as a browser builds it (parse5: the WHATWG parsing algorithm — implied
 * end tags, misnested and unclosed elements, stray table tags moved out of tables) in time linear in
 * the page, and bounded while it is built: elements created (`htmlNodes`, which also counts the
 * elements the algorithm re-creates for unclosed formatting tags) and open elements (`depth`), so a
 * hostile page is refused before its tree grows. (node-html-parser, used before, re-parented the
 * children of unclosed elements one by one when it closed them at the end: quadratic, 16 s of CPU
 * for a 660 KB page of unclosed lines.)
 */
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import { Budget, limit, limitError } from '../limits.js';

export type HtmlNode = DefaultTreeAdapterMap['node'];
export type HtmlElement = DefaultTreeAdapterMap['element'];

/** The page's document node (its children: the doctype and the html element). */
export function parseHtml(html: string): HtmlNode {
  const elements = new Budget('htmlNodes', 'web page');
  const maxDepth = limit('depth');
  let open = 0;
  const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createElement(...args) {
      elements.add();
      return defaultTreeAdapter.createElement(...args);
    },
    // the stack of open elements (the parser's scope checks walk it): bounded by the depth limit
    onItemPush() {
      if (++open > maxDepth) throw limitError('depth', open, true, 'web page');
    },
    onItemPop() {
      open--;
    },
  };
  return parse(html, { treeAdapter });
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node;
}

export function isText(node: HtmlNode): node is DefaultTreeAdapterMap['textNode'] {
  return node.nodeName === '#text';
}

/** The text of a text node ('' for any other node). */
export function textValue(node: HtmlNode): string {
  return isText(node) ? node.value : '';
}

/** The children of a node (none for text, comments and doctypes; a template's content is not walked). */
export function childNodes(node: HtmlNode): readonly HtmlNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** The tag name, lower-cased (SVG and MathML names keep their case in the tree). */
export function tagOf(el: HtmlElement): string {
  return el.tagName.toLowerCase();
}

/** An attribute's value (names are lower-case in the tree). */
export function attr(el: HtmlElement, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}
