import { describe, expect, it } from 'vitest';
import { PyObject, PyTuple } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import { validateBinaryTree } from '@skops-ts/sklearn';
import { hasFixture } from './fixtures.js';
import {
  fieldAt,
  fixturesNaming,
  loadCase,
  objectsOf,
  refusal,
  withField,
  type FixtureCase,
} from './validate-helpers.js';

const CLASSES = ['KDTree', 'BallTree', 'KDTree64', 'BallTree64', 'KDTree32', 'BallTree32'];
const cases = await fixturesNaming(CLASSES);
const kindOf = (o: PyObject) => (o.name.startsWith('KDTree') ? 'KDTree' : 'BallTree');

/** The KD-tree fixture (7 nodes, 3 levels) and the single-node ball-tree fixture of each stack. */
const STACKS: FixtureCase[] = ['skops', 'skops-modern'].flatMap((folder) =>
  ['sk_knn_clf_kd_tree', 'sk_nearest_neighbors_ball_tree']
    .filter((name) => hasFixture(folder, name))
    .map((name) => ({ folder, name })),
);

function itemsOf(tree: PyObject): unknown[] {
  if (!PyTuple.is(tree.state)) throw new Error('not a tuple state');
  return [...tree.state.items];
}

async function edit(c: FixtureCase) {
  const { model, reload } = await loadCase(c);
  const tree = objectsOf(model, CLASSES)[0];
  if (!tree) throw new Error('no tree');
  const items = itemsOf(tree);
  const set = (index: number, value: unknown) => {
    items[index] = value;
    tree.state = new PyTuple([...items]);
  };
  return { tree, items, set, refused: () => refusal(reload(model)) };
}

const int64 = (values: number[]) => NDArray.fromValues('<i8', values.map(BigInt), [values.length]);

describe('KDTree / BallTree validation on the fixtures', () => {
  it('finds KD-tree and ball-tree fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  for (const c of cases) {
    it(`loads ${c.folder}/${c.name} and its tree passes the checks`, async () => {
      const { model } = await loadCase(c);
      const trees = objectsOf(model, CLASSES);
      expect(trees.length).toBeGreaterThan(0);
      for (const tree of trees) {
        const [data, , nodeData] = itemsOf(tree) as [NDArray, NDArray, NDArray];
        const summary = validateBinaryTree(tree.state, kindOf(tree), '$');
        expect(summary.nSamples).toBe(data.shape[0]);
        expect(summary.nFeatures).toBe(data.shape[1]);
        expect(summary.nNodes).toBe(nodeData.size);
      }
    });
  }
});

describe.each(STACKS)('crafted trees of $folder/$name are refused at load', (c) => {
  it('refuses an idx_array entry past the samples', async () => {
    const { items, set, refused } = await edit(c);
    const idx = (items[1] as NDArray).toArray() as bigint[];
    set(1, int64(idx.map((v, i) => (i === 3 ? idx.length : Number(v)))));
    const error = await refused();
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toContain(
      `idx_array[3] is ${idx.length}, outside [0, ${idx.length - 1}]`,
    );
    expect(error.path).toMatch(/\.content\.content\[1\]$/);
  });

  it('refuses an idx_array that is not a permutation', async () => {
    const { items, set, refused } = await edit(c);
    const idx = ((items[1] as NDArray).toArray() as bigint[]).map(Number);
    set(1, int64(idx.map((v, i) => (i === 1 ? (idx[0] as number) : v))));
    const error = await refused();
    expect(error.message).toContain(`idx_array holds ${idx[0]} twice`);
  });

  it('refuses an idx_array shorter than the data', async () => {
    const { items, set, refused } = await edit(c);
    const idx = ((items[1] as NDArray).toArray() as bigint[]).map(Number);
    set(1, int64(idx.slice(1)));
    const error = await refused();
    expect(error.message).toContain(
      `idx_array must be a 1-D integer array of n_samples (${idx.length}) entries`,
    );
  });

  it('refuses a node whose range ends past idx_array', async () => {
    const { items, set, refused } = await edit(c);
    const nodes = items[2] as NDArray;
    const last = nodes.size - 1;
    const nSamples = (items[0] as NDArray).shape[0] as number;
    set(2, withField(nodes, last, 'idx_end', nSamples + 1000));
    const error = await refused();
    expect(error.code).toBe('INVALID_DATA');
    // In a single-node tree the last node is the root; otherwise its parent sees a range it cannot split.
    expect(error.message).toMatch(
      nodes.size === 1
        ? /The root node covers/
        : /The children of node \d+ cover .* must split its range/,
    );
  });

  it('refuses a root that does not cover every sample', async () => {
    const { items, set, refused } = await edit(c);
    set(2, withField(items[2] as NDArray, 0, 'idx_start', 1));
    const error = await refused();
    expect(error.message).toContain('The root node covers idx_array[1:');
    expect(error.path).toMatch(/\.content\.content\[2\]$/);
  });

  it('refuses a split node on the last level (its children would be past node_data)', async () => {
    const { items, set, refused } = await edit(c);
    const nodes = items[2] as NDArray;
    let edited = nodes;
    for (let i = 0; i < nodes.size; i++) edited = withField(edited, i, 'is_leaf', 0);
    set(2, edited);
    const error = await refused();
    expect(error.message).toMatch(
      /Node \d+ is not a leaf, but its children \d+ and \d+ are beyond the \d+ nodes/,
    );
  });

  it('refuses an is_leaf flag other than 0 or 1', async () => {
    const { items, set, refused } = await edit(c);
    set(2, withField(items[2] as NDArray, 0, 'is_leaf', 9));
    const error = await refused();
    expect(error.message).toContain('Node 0 has is_leaf 9');
  });

  it('refuses n_nodes that disagrees with node_data', async () => {
    const { items, set, refused } = await edit(c);
    const levels = items[5] as bigint;
    set(5, levels + 1n);
    set(6, 2n ** (levels + 1n) - 1n);
    const error = await refused();
    expect(error.message).toContain(
      `node_data has ${(items[2] as NDArray).size} nodes but n_nodes is ${2 ** (Number(levels) + 1) - 1}`,
    );
  });

  it('refuses n_nodes that is not 2 ** n_levels - 1', async () => {
    const { items, set, refused } = await edit(c);
    set(5, (items[5] as bigint) + 1n);
    const error = await refused();
    expect(error.message).toContain('n_nodes = 2 ** n_levels - 1');
    expect(error.path).toMatch(/\.content\.content\[6\]$/);
  });

  it('refuses node_bounds of the wrong shape', async () => {
    const { tree, items, set, refused } = await edit(c);
    const bounds = items[3] as NDArray;
    const [rows, nodes, features] = bounds.shape as [number, number, number];
    set(
      3,
      NDArray.fromValues('<f8', new Array(rows * nodes * (features - 1)).fill(0), [
        rows,
        nodes,
        features - 1,
      ]),
    );
    const error = await refused();
    expect(error.message).toContain(
      `node_bounds must be a float array of shape (${kindOf(tree) === 'KDTree' ? 2 : 1}, ${nodes}, ${features})`,
    );
  });

  it('refuses a sample_weight of the wrong length', async () => {
    const { items, set, refused } = await edit(c);
    set(12, NDArray.fromValues('<f8', [1, 2], [2]));
    const error = await refused();
    expect(error.message).toContain(
      `sample_weight must be None or a 1-D float array of n_samples (${(items[0] as NDArray).shape[0]}) entries`,
    );
  });

  it('refuses a state tuple of the wrong length', async () => {
    const { tree, items, refused } = await edit(c);
    tree.state = new PyTuple(items.slice(0, 5));
    const error = await refused();
    expect(error.message).toMatch(/state is a tuple of 13 items .* got a tuple of 5/);
  });
});

describe('KD-tree node ranges', () => {
  const kd = STACKS.filter((c) => c.name === 'sk_knn_clf_kd_tree');
  it.each(kd)(
    'refuses children of $folder that do not split their parent range in two',
    async (c) => {
      const { items, set, refused } = await edit(c);
      const nodes = items[2] as NDArray;
      expect(fieldAt(nodes, 0, 'is_leaf')).toBe(0);
      set(2, withField(nodes, 1, 'idx_end', fieldAt(nodes, 1, 'idx_end') - 1));
      const error = await refused();
      expect(error.message).toContain('The children of node 0 cover');
    },
  );
});
