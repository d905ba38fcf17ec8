import { SkopsError } from '@skops-ts/core';

/** A dense row-major matrix given with its shape. */
export interface DenseMatrix {
  readonly data: ArrayLike<number>;
  readonly shape: readonly [number, number];
}

/**
 * Features to predict on: rows of numbers (`null` or `NaN` = missing), or a
 * dense row-major array with its shape. Values are converted to float32 as
 * XGBoost's DMatrix does; NaN is the missing value.
 */
export type FeatureMatrix = readonly (readonly (number | null)[])[] | DenseMatrix;

/** Float32 features, row-major, NaN for missing. */
export interface Float32Matrix {
  readonly data: Float32Array;
  readonly rows: number;
  readonly cols: number;
}

function isDense(x: FeatureMatrix): x is DenseMatrix {
  return !Array.isArray(x);
}

/** Converts the input to float32, refusing ragged rows and infinite values as XGBoost does. */
export function toFloat32Matrix(x: FeatureMatrix, numFeature: number): Float32Matrix {
  let rows: number;
  let cols: number;
  let data: Float32Array;
  if (isDense(x)) {
    [rows, cols] = x.shape;
    if (
      !(Number.isSafeInteger(rows) && Number.isSafeInteger(cols) && rows >= 0 && cols >= 0) ||
      rows * cols !== x.data.length
    ) {
      throw new SkopsError(
        'INVALID_DATA',
        `The feature matrix shape [${x.shape.join(', ')}] does not match its ${x.data.length} values.`,
      );
    }
    data = Float32Array.from(x.data);
  } else {
    rows = x.length;
    cols = rows === 0 ? numFeature : (x[0] as readonly (number | null)[]).length;
    data = new Float32Array(rows * cols);
    x.forEach((row, i) => {
      if (row.length !== cols) {
        throw new SkopsError(
          'INVALID_DATA',
          `Row ${i} of the feature matrix has ${row.length} values, row 0 has ${cols}.`,
        );
      }
      for (let j = 0; j < cols; j++) data[i * cols + j] = row[j] ?? NaN;
    });
  }
  if (cols > numFeature) {
    throw new SkopsError(
      'INVALID_DATA',
      `The feature matrix has ${cols} columns but the booster was trained on ${numFeature} features.`,
    );
  }
  for (let k = 0; k < data.length; k++) {
    const v = data[k] as number;
    if (v === Infinity || v === -Infinity) {
      throw new SkopsError(
        'INVALID_DATA',
        `The feature matrix holds an infinite value (row ${Math.floor(k / cols)}, column ${k % cols}); XGBoost refuses those too.`,
      );
    }
  }
  return { data, rows, cols };
}
