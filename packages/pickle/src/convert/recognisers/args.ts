import type { RecogniserContext } from '../recogniser.js';
import type { PickleCall } from '../../values/pickle-call.js';

/** The positional arguments of a recorded call, checked to number between `min` and `max`. */
export function argsOf(
  call: PickleCall,
  min: number,
  max: number,
  ctx: RecogniserContext,
): readonly unknown[] {
  const name = call.target?.py3FullName ?? 'the callable';
  const n = call.args.length;
  if (n < min || n > max) {
    throw ctx.fail(
      `${name} takes ${min === max ? min : `${min} to ${max}`} arguments, the pickle passes ${n}.`,
    );
  }
  if (call.kwargs && call.kwargs.size > 0)
    throw ctx.fail(`${name} is called with keyword arguments.`);
  return call.args.items;
}

/** Refuses list, dict and set items added to an object that does not take them. */
export function noItems(call: PickleCall, ctx: RecogniserContext): void {
  if (call.listItems.length > 0 || call.dictItems.size > 0 || call.setItems.length > 0) {
    throw ctx.fail(`${call.target?.py3FullName ?? 'the object'} is given items it does not hold.`);
  }
}

/** Refuses a BUILD state on objects whose state pickles never set. */
export function noState(call: PickleCall, ctx: RecogniserContext): void {
  if (call.states.length > 0)
    throw ctx.fail(`${call.target?.py3FullName ?? 'the object'} is given a BUILD state.`);
}
