import type { CallRecogniser } from '../recogniser.js';
import type { PickleCall } from '../../values/pickle-call.js';
import { argsOf } from './args.js';

/**
 * `copyreg._reconstructor(cls, object, None)` (protocols 0 and 1) and
 * `copyreg.__newobj__(cls)`: an instance made without running any code of
 * the class. Other bases run the base's constructor and are refused.
 */
const reconstructorRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['copyreg._reconstructor'],
  convert(node, ctx) {
    const call = node as PickleCall;
    const [cls, base, baseState] = argsOf(call, 3, 3, ctx);
    if (ctx.globalName(base) !== 'builtins.object' || baseState !== null) {
      throw ctx.fail(
        `copyreg._reconstructor over base ${ctx.globalName(base) ?? 'a computed value'} runs that base's constructor; only object is supported.`,
      );
    }
    return ctx.instantiate(cls, call.state, call);
  },
};

const newobjRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['copyreg.__newobj__'],
  convert(node, ctx) {
    const call = node as PickleCall;
    const [cls] = argsOf(call, 1, 1, ctx);
    return ctx.instantiate(cls, call.state, call);
  },
};

/** The copyreg helpers that create instances without calling class code. */
export const copyregRecognisers: readonly CallRecogniser[] = [
  reconstructorRecogniser,
  newobjRecogniser,
];
