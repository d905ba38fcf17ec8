import { describe, expect, it } from 'vitest';
import {
  dumps,
  PyDict,
  PyObject,
  PyTuple,
  PyType,
  visualize,
  type SkopsPlugin,
} from '@skops-ts/core';

/** Stands in for the sklearn plugin's trust data: the one estimator these tests use is trusted by default. */
const trustsMinMaxScaler: SkopsPlugin = {
  name: 'test-trust',
  trustGroups: { 'sklearn.estimators': () => ['sklearn.preprocessing._data.MinMaxScaler'] },
};

/** The estimator of skops' own visualize test: MinMaxScaler(feature_range=(-555, 123)). */
function minMaxScaler(copy: unknown = true): PyObject {
  return new PyObject(
    'sklearn.preprocessing._data',
    'MinMaxScaler',
    new PyDict([
      ['feature_range', new PyTuple([-555n, 123n])],
      ['copy', copy],
      ['clip', false],
      ['_sklearn_version', '1.2.1'],
    ]),
  );
}

describe('visualize', () => {
  it('prints the tree that skops.io.visualize prints for the same object', async () => {
    // Expected lines from skops' tests/test_visualize.py (test_print_simple).
    const expected = [
      'root: sklearn.preprocessing._data.MinMaxScaler',
      '└── attrs: builtins.dict',
      '    ├── feature_range: builtins.tuple',
      '    │   ├── content: json-type(-555)',
      '    │   └── content: json-type(123)',
      '    ├── copy: json-type(true)',
      '    ├── clip: json-type(false)',
      '    └── _sklearn_version: json-type("1.2.1")',
    ];
    const file = await dumps(minMaxScaler());
    expect(await visualize(file, { plugins: [trustsMinMaxScaler] })).toBe(expected.join('\n'));
    expect(await visualize(file, { plugins: [trustsMinMaxScaler], show: 'trusted' })).toBe(
      expected.join('\n'),
    );
    expect(await visualize(file, { plugins: [trustsMinMaxScaler], show: 'untrusted' })).toBe(
      expected[0],
    );
  });

  it('tags untrusted nodes with custom tags, as test_custom_tags expects', async () => {
    const file = await dumps(minMaxScaler(new PyType('test_visualize', 'UnsafeType')));
    const expected = [
      'root: sklearn.preprocessing._data.MinMaxScaler NICE',
      '└── attrs: builtins.dict NICE',
      '    ├── feature_range: builtins.tuple NICE',
      '    │   ├── content: json-type(-555) NICE',
      '    │   └── content: json-type(123) NICE',
      '    ├── copy: test_visualize.UnsafeType OHNO',
      '    ├── clip: json-type(false) NICE',
      '    └── _sklearn_version: json-type("1.2.1") NICE',
    ];
    expect(
      await visualize(file, { plugins: [trustsMinMaxScaler], tagSafe: 'NICE', tagUnsafe: 'OHNO' }),
    ).toBe(expected.join('\n'));
  });
});

describe('visualize on hostile shapes', () => {
  it('shows a node that contains itself once more, without following the cycle', async () => {
    const { skopsFile, root } = await import('./helpers.js');
    const outer = {
      __class__: 'list',
      __module__: 'builtins',
      __loader__: 'ListNode',
      __id__: 77,
      content: [] as unknown[],
    };
    outer.content.push({ ...outer, content: [] });
    const text = await visualize(skopsFile(root(outer)));
    expect(text.split('\n')).toEqual(['root: builtins.list', '└── content: builtins.list']);
  });

  it('prints bytes content as reprlib shortens it', async () => {
    const text = await visualize(
      await dumps([new Uint8Array([104, 105, 0, 255, 39]), new Uint8Array(40).fill(97)]),
    );
    expect(text.split('\n').slice(1)).toEqual([
      '├── content: b"hi\\x00\\xff\'"',
      "└── content: b'aaaaaaaaaaa...aaaaaaaaaaaaa'",
    ]);
  });
});
