import { PyByteArray, PyDict, PyObject, SkopsError } from '@skops-ts/core';
import { Booster, type BoosterReadOptions } from '../model/booster.js';

const BRAND = Symbol.for('skops-ts/xgboost/BoosterObject');

/** Full class name of XGBoost's booster. */
export const BOOSTER_CLASS = 'xgboost.core.Booster';

/** The `handle` bytes of a Booster state dict, or null when it has none (an unfitted booster). */
export function handleBytes(state: unknown): Uint8Array | null {
  if (!PyDict.is(state)) {
    throw new SkopsError(
      'INVALID_DATA',
      `The state of an ${BOOSTER_CLASS} is not a dict; expected one with a "handle" bytearray.`,
    );
  }
  const handle = state.get('handle');
  if (handle === null || handle === undefined) return null;
  if (PyByteArray.is(handle)) return handle.data;
  if (handle instanceof Uint8Array) return handle;
  throw new SkopsError('INVALID_DATA', `The "handle" of an ${BOOSTER_CLASS} is not a bytearray.`);
}

/**
 * A loaded `xgboost.core.Booster`: still the PyObject Python skops gives
 * (class name and state dict with the `handle` bytearray, so it describes and
 * dumps back unchanged), plus {@link BoosterObject.booster}, the decoded model.
 */
export class BoosterObject extends PyObject {
  readonly [BRAND] = true;
  readonly #options: BoosterReadOptions;
  #cache: { readonly bytes: Uint8Array; readonly booster: Booster } | undefined;

  constructor(module: string, name: string, state: unknown, options: BoosterReadOptions = {}) {
    super(module, name, state);
    this.#options = options;
  }

  /** The decoded model of the current `handle` (decoded once per handle). */
  get booster(): Booster {
    const bytes = handleBytes(this.state);
    if (bytes === null) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `This ${BOOSTER_CLASS} has no model (its handle is None): it was never trained.`,
      );
    }
    if (this.#cache?.bytes !== bytes)
      this.#cache = { bytes, booster: Booster.fromBytes(bytes, this.#options) };
    return this.#cache.booster;
  }

  static override is(value: unknown): value is BoosterObject {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}

/**
 * The decoded {@link Booster} of a loaded `xgboost.core.Booster`: a revived
 * {@link BoosterObject} or a plain PyObject (loaded without this plugin).
 */
export function boosterOf(value: unknown, options: BoosterReadOptions = {}): Booster {
  if (BoosterObject.is(value)) return value.booster;
  if (Booster.is(value)) return value;
  if (PyObject.is(value) && value.className === BOOSTER_CLASS) {
    return new BoosterObject(value.module, value.name, value.state, options).booster;
  }
  throw new SkopsError(
    'UNSUPPORTED_VALUE',
    `Expected an ${BOOSTER_CLASS}, got ${describeKind(value)}.`,
  );
}

function describeKind(value: unknown): string {
  if (PyObject.is(value)) return value.className;
  return value === null ? 'None' : typeof value;
}
