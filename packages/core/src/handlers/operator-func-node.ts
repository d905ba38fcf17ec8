import type { NodeHandler } from '../plugin/types.js';
import { PyOperator, type OperatorName } from '../values/py-callables.js';
import { PyTuple } from '../values/py-tuple.js';
import { nodeChild } from './shared.js';

const OPERATORS: ReadonlySet<string> = new Set<OperatorName>([
  'itemgetter',
  'attrgetter',
  'methodcaller',
]);

/**
 * `operator.itemgetter` / `attrgetter` / `methodcaller`. The module must be
 * `operator` (trusting a module named in the file was CVE-2025-54412).
 */
export const operatorFuncNode: NodeHandler = {
  loader: 'OperatorFuncNode',
  parse(state, ctx) {
    if (state.get('__module__') !== 'operator') {
      throw ctx.error(
        `Expected module 'operator', got ${String(state.get('__module__'))}. This is probably due to a corrupted or a malicious file.`,
      );
    }
    return {
      children: [['attrs', { kind: 'node', node: ctx.child(state.get('attrs'), 'attrs') }]],
    };
  },
  construct(node, ctx) {
    if (!OPERATORS.has(node.className)) {
      throw ctx.error(
        `operator.${node.className} is not one of the operator callables skops stores (itemgetter, attrgetter, methodcaller).`,
      );
    }
    const args = ctx.construct(nodeChild(node, 'attrs'));
    if (!PyTuple.is(args)) throw ctx.error('Operator arguments must be a tuple.');
    return new PyOperator(node.className as OperatorName, args);
  },
};
