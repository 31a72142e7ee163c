/**
 * Walks a unist tree (mdast, hast) in document order: unist-util-visit's contract for what handout
 * uses of it. The visitor gets each node of the given type (or every node) with its index and
 * parent; returning a number goes on at that index of the parent (after the visitor spliced its
 * children), SKIP leaves the node's children out, and [SKIP, index] does both.
 *
 * Why not unist-util-visit itself: it makes a new, named function for every node it enters, and
 * over a build that was a sixth of every byte allocated (and of the garbage collector's work).
 */
import type { Node, Parent } from 'unist';

export const SKIP = 'skip';

type Result = void | number | typeof SKIP | [typeof SKIP, number];
type Visitor<N> = (node: N, index: number | undefined, parent: Parent | undefined) => Result;

export function visit<N = Node>(tree: Node, type: string, visitor: Visitor<N>): void;
export function visit<N = Node>(tree: Node, visitor: Visitor<N>): void;
export function visit<N>(tree: Node, typeOrVisitor: string | Visitor<N>, maybeVisitor?: Visitor<N>): void {
  const type = typeof typeOrVisitor === 'string' ? typeOrVisitor : undefined;
  const visitor = (typeof typeOrVisitor === 'string' ? maybeVisitor : typeOrVisitor) as Visitor<N>;
  /** The index to go on at in the parent, when the visitor asked for one. */
  const one = (node: Node, index: number | undefined, parent: Parent | undefined): number | undefined => {
    const result = type === undefined || node.type === type ? visitor(node as N, index, parent) : undefined;
    const skip = result === SKIP || Array.isArray(result);
    const parentNode = node as Partial<Parent>;
    if (parentNode.children && !skip) {
      let i = 0;
      // Read live: the visitor may splice the children it is walking.
      while (i > -1 && i < parentNode.children.length) i = one(parentNode.children[i], i, node as Parent) ?? i + 1;
    }
    return typeof result === 'number' ? result : Array.isArray(result) ? result[1] : undefined;
  };
  one(tree, undefined, undefined);
}
