import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  PyDict,
  PyObject,
  PyTuple,
  SkopsError,
  dumps,
  loads,
  memorySource,
  openArchive,
  writeArchive,
} from '@skops-ts/core';
import { NDArray, writeNpy } from '@skops-ts/numpy';
import { Tree } from '@skops-ts/sklearn';
import { PLUGINS, envOf, fixturePath, loadFixture, sidecar } from './fixtures.js';

/** The fitted Tree of a single-tree fixture. */
async function fixtureTree(folder: string, name: string): Promise<Tree> {
  const model = await loadFixture(folder, name);
  if (!PyObject.is(model) || !PyDict.is(model.state)) throw new Error('not an estimator');
  const tree = model.state.get('tree_');
  if (!Tree.is(tree)) throw new Error('no Tree');
  return tree;
}

/** A copy of `tree`'s nodes with one int64 field of one node overwritten. */
function withNodeField(tree: Tree, node: number, field: string, value: bigint): NDArray {
  const nodes = tree.nodes;
  const buffer = nodes.bytes().slice();
  const f = nodes.dtype.field(field);
  new DataView(buffer.buffer).setBigInt64(node * nodes.dtype.itemsize + f.offset, value, true);
  return new NDArray({ dtype: nodes.dtype, shape: nodes.shape, buffer });
}

function stateWith(tree: Tree, changes: Record<string, unknown>): PyDict {
  return new PyDict(
    [...tree.state.entries()].map(
      ([k, v]) =>
        [
          k,
          Object.prototype.hasOwnProperty.call(changes, k as string) ? changes[k as string] : v,
        ] as const,
    ),
  );
}

function refusal(run: () => unknown): SkopsError {
  try {
    run();
  } catch (error) {
    if (SkopsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a SkopsError');
}

describe('the Tree value', () => {
  it('exposes the node columns of a scikit-learn 1.2 tree as typed arrays that agree with the stored nodes', async () => {
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const v = tree.view;
    expect(v.nodeCount).toBe(tree.nodes.size);
    expect(v.nFeatures).toBe(10);
    expect(v.missingGoToLeft).toBeUndefined();
    for (let i = 0; i < v.nodeCount; i++) {
      const record = tree.nodes.get(i) as PyTuple;
      expect(BigInt(v.leftChild[i] as number)).toBe(record.items[0]);
      expect(BigInt(v.rightChild[i] as number)).toBe(record.items[1]);
      expect(BigInt(v.feature[i] as number)).toBe(record.items[2]);
      expect(v.threshold[i]).toBe(record.items[3]);
      expect(v.nNodeSamples[i]).toBe(record.items[5]);
    }
    expect(v.values.length).toBe(v.nodeCount * v.nOutputs * v.maxNClasses);
  });

  it('reads missing_go_to_left of scikit-learn 1.3+ trees (8 fields with padding)', async () => {
    const tree = await fixtureTree('skops-modern', 'sk_decision_tree_clf_missing_values');
    expect(tree.nodes.dtype.itemsize).toBe(64);
    expect(tree.view.missingGoToLeft?.length).toBe(tree.nodeCount);
    const proba = sidecar('skops-modern', 'sk_decision_tree_clf_missing_values').outputs
      ?.predict_proba as unknown[][];
    expect(tree.view.nClasses).toEqual([proba[0]?.length]);
  });

  it('refuses a child index outside the node array', async () => {
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const error = refusal(
      () =>
        new Tree(
          tree.reduceArgs,
          stateWith(tree, { nodes: withNodeField(tree, 0, 'left_child', 999n) }),
          { path: '$.x' },
        ),
    );
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/left_child 999/);
    expect(error.path).toBe('$.x.content');
  });

  it('refuses a cycle back to an earlier node', async () => {
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const right = tree.view.rightChild[0] as number;
    const error = refusal(
      () =>
        new Tree(
          tree.reduceArgs,
          stateWith(tree, { nodes: withNodeField(tree, right, 'left_child', 1n) }),
        ),
    );
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/reached twice|not reachable/);
  });

  it('refuses a child pointing at the root', async () => {
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const error = refusal(
      () =>
        new Tree(
          tree.reduceArgs,
          stateWith(tree, { nodes: withNodeField(tree, 0, 'right_child', 0n) }),
        ),
    );
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/child 0/);
  });

  it('refuses a node with one child and one leaf marker', async () => {
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const error = refusal(
      () =>
        new Tree(
          tree.reduceArgs,
          stateWith(tree, { nodes: withNodeField(tree, 0, 'right_child', -1n) }),
        ),
    );
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/one leaf marker/);
  });

  it('refuses a split on a feature the tree does not have', async () => {
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const error = refusal(
      () =>
        new Tree(
          tree.reduceArgs,
          stateWith(tree, { nodes: withNodeField(tree, 0, 'feature', 10n) }),
        ),
    );
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/feature 10/);
  });

  it('refuses a node_count that disagrees with the nodes array', async () => {
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const error = refusal(
      () => new Tree(tree.reduceArgs, stateWith(tree, { node_count: BigInt(tree.nodeCount + 1) })),
    );
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/node_count/);
  });

  it('refuses values whose shape is not (node_count, n_outputs, max_n_classes)', async () => {
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const values = tree.values.reshape([tree.nodeCount, 1]);
    const error = refusal(() => new Tree(tree.reduceArgs, stateWith(tree, { values })));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toMatch(/values must be float64 of shape/);
  });

  it('refuses n_classes that does not have n_outputs entries', async () => {
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const [nf, , no] = tree.reduceArgs.items;
    const args = new PyTuple([nf, NDArray.fromValues('<i8', [1, 1]), no]);
    const error = refusal(() => new Tree(args, tree.state, { path: '$.t' }));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.path).toBe('$.t.__reduce__.args');
  });

  it('refuses a crafted file while loading, naming the TreeNode path', async () => {
    const file = fixturePath('skops', 'sk_decision_tree_reg.skops');
    const archive = await openArchive(memorySource(readFileSync(file)), { limits: DEFAULT_LIMITS });
    const schema = JSON.parse(new TextDecoder().decode(await archive.read('schema.json')));
    const nodesMember: string = schema.content.content.tree_.content.content.nodes.file;
    const tree = await fixtureTree('skops', 'sk_decision_tree_reg');
    const crafted = writeNpy(withNodeField(tree, 1, 'right_child', 1n));
    const members = await Promise.all(
      archive.entries.map(async (e) => ({
        name: e.name,
        data: e.name === nodesMember ? crafted : await archive.read(e.name),
      })),
    );
    const bytes = writeArchive(members, { compression: 'stored' });
    const s = sidecar('skops', 'sk_decision_tree_reg');
    const error = await loads(bytes, { plugins: PLUGINS, pythonEnv: envOf(s), trusted: [] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(SkopsError.isInstance(error) && error.code).toBe('INVALID_DATA');
    expect((error as SkopsError).path).toBe('$.content.content["tree_"].content');
  });

  it('saves a tree back to the same nodes and values bytes', async () => {
    const tree = await fixtureTree('skops-modern', 'sk_decision_tree_reg');
    const reloaded = await loads(await dumps(tree, { plugins: PLUGINS }), { plugins: PLUGINS });
    expect(Tree.is(reloaded)).toBe(true);
    expect([...(reloaded as Tree).nodes.bytes()]).toEqual([...tree.nodes.bytes()]);
    expect([...(reloaded as Tree).values.bytes()]).toEqual([...tree.values.bytes()]);
  });
});
