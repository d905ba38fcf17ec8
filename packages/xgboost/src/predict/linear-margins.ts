import type { XgbLinearModel } from '../model/gradient-booster.js';
import type { Float32Matrix } from './matrix.js';

const f32 = Math.fround;

/**
 * `gblinear` margins as XGBoost's `GBLinear::Pred`: bias + base margin, then
 * `x · w` over the present (non-NaN) features, all in float32.
 */
export function linearMargins(
  model: XgbLinearModel,
  x: Float32Matrix,
  numGroup: number,
  numFeature: number,
  baseMargin: Float32Array,
): Float32Array {
  const { data, rows, cols } = x;
  const out = new Float32Array(rows * numGroup);
  const biasAt = numFeature * numGroup;
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < numGroup; g++) {
      let sum = f32((model.weights[biasAt + g] as number) + (baseMargin[g] as number));
      for (let j = 0; j < cols; j++) {
        const v = data[r * cols + j] as number;
        if (Number.isNaN(v)) continue;
        sum = f32(sum + f32(v * (model.weights[j * numGroup + g] as number)));
      }
      out[r * numGroup + g] = sum;
    }
  }
  return out;
}
