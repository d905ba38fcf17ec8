import { describe, expect, it } from 'vitest';
import { getUntrustedTypes, loads, PyDict, PyObject, UntrustedTypesError } from '@skops-ts/core';
import { codeOf, json, node, root, skopsFile } from './helpers.js';

const listOf = (...items: unknown[]) => node('ListNode', 'builtins', 'list', { content: items });
const typeNode = (module: string, cls: string) => node('TypeNode', module, cls);
const dictOf = (entries: Record<string, unknown>) =>
  node('DictNode', 'builtins', 'dict', {
    content: entries,
    key_types: listOf(...Object.keys(entries).map(() => typeNode('builtins', 'str'))),
  });

describe('loading crafted schemas', () => {
  it('refuses trusted: true and names CVE-2024-37065', async () => {
    const file = skopsFile(root(json('1')));
    await expect(loads(file, { trusted: true as unknown as string[] })).rejects.toThrow(
      /CVE-2024-37065/,
    );
    expect(await codeOf(loads(file, { trusted: true as unknown as string[] }))).toBe(
      'TRUSTED_TRUE_REFUSED',
    );
  });

  it('refuses untrusted types before constructing anything, listing them sorted', async () => {
    const file = skopsFile(
      root(listOf(node('ObjectNode', 'os', 'system'), node('FunctionNode', 'builtins', 'eval'))),
    );
    const err = await loads(file).catch((e: unknown) => e);
    expect(UntrustedTypesError.isInstance(err)).toBe(true);
    expect((err as UntrustedTypesError).types).toEqual(['builtins.eval', 'os.system']);
    expect(await getUntrustedTypes(file)).toEqual(['builtins.eval', 'os.system']);
  });

  it('loads an untrusted object once its type is trusted, without running anything', async () => {
    const file = skopsFile(
      root(node('ObjectNode', 'os', 'system', { content: dictOf({ cmd: json('"echo pwned"') }) })),
    );
    const value = await loads(file, { trusted: ['os.system'] });
    expect(PyObject.is(value) && value.className).toBe('os.system');
  });

  it('reports a bound method as its owner type plus Class.method, as Python does', async () => {
    const obj = node('ObjectNode', 'm', 'C', { content: dictOf({}) });
    const file = skopsFile(root(node('MethodNode', 'm', 'C', { content: { func: 'run', obj } })));
    expect(await getUntrustedTypes(file)).toEqual(['m.C', 'm.C.run']);
  });

  it('refuses a bound method whose declared type is not its object type (CVE-2025-54413)', async () => {
    const obj = node('ObjectNode', 'sklearn.linear_model._base', 'LinearRegression', {
      content: dictOf({}),
    });
    const file = skopsFile(
      root(node('MethodNode', 'os', 'system', { content: { func: 'predict', obj } })),
    );
    expect(await codeOf(getUntrustedTypes(file))).toBe('INVALID_SCHEMA');
  });

  it('refuses an OperatorFuncNode outside the operator module (CVE-2025-54412)', async () => {
    const file = skopsFile(
      root(
        node('OperatorFuncNode', 'os', 'system', {
          attrs: node('TupleNode', 'builtins', 'tuple', { content: [] }),
        }),
      ),
    );
    expect(await codeOf(loads(file))).toBe('INVALID_SCHEMA');
  });

  it('lets a DefaultDictNode ignore the caller list for its own type, as Python does', async () => {
    const dd = node('DefaultDictNode', 'evil', 'defaultdict', {
      content: { main: dictOf({}), default_factory: typeNode('builtins', 'list') },
    });
    const file = skopsFile(root(dd));
    expect(await getUntrustedTypes(file)).toEqual(['evil.defaultdict']);
    await expect(loads(file, { trusted: ['evil.defaultdict'] })).resolves.toBeDefined();
  });

  it('never reports JSON and slice nodes, whatever class they claim', async () => {
    const file = skopsFile(
      root(
        listOf(
          { ...json('1'), __class__: 'system', __module__: 'os' },
          node('SliceNode', 'os', 'system', { content: { start: 1, stop: null, step: null } }),
        ),
      ),
    );
    expect(await getUntrustedTypes(file)).toEqual(['builtins.list'].filter(() => false));
  });

  it('turns dict keys back into their types in file order', async () => {
    const d = node('DictNode', 'builtins', 'dict', {
      content: { '10': json('2'), b: json('1'), '2.5': json('3'), '': json('4') },
      key_types: listOf(
        typeNode('builtins', 'int'),
        typeNode('builtins', 'str'),
        typeNode('builtins', 'float'),
        typeNode('builtins', 'bool'),
      ),
    });
    const value = (await loads(skopsFile(root(d)))) as PyDict;
    expect([...value.keys()]).toEqual([10n, 'b', 2.5, false]);
  });

  it('refuses a dict key type that no plugin knows instead of calling it', async () => {
    const d = node('DictNode', 'builtins', 'dict', {
      content: { a: json('1') },
      key_types: listOf(typeNode('os', 'system')),
    });
    expect(await codeOf(loads(skopsFile(root(d)), { trusted: ['os.system'] }))).toBe(
      'INVALID_DATA',
    );
  });

  it('gives shared __id__s one JavaScript object', async () => {
    const inner = listOf(json('1'));
    const file = skopsFile(root(listOf(inner, { ...inner })));
    const [a, b] = (await loads(file)) as unknown[][];
    expect(a).toBe(b);
  });

  it('refuses a node that contains itself instead of recursing forever', async () => {
    const outer = {
      __class__: 'list',
      __module__: 'builtins',
      __loader__: 'ListNode',
      __id__: 77,
      content: [] as unknown[],
    };
    outer.content.push({ ...outer, content: [] });
    const file = skopsFile(root(outer));
    expect(await getUntrustedTypes(file)).toEqual([]);
    expect(await codeOf(loads(file))).toBe('CYCLE');
  });

  it('refuses unknown protocols, also those Python silently accepts', async () => {
    for (const protocol of [99, '2', 2.5, null, -1]) {
      expect(await codeOf(loads(skopsFile(root(json('1'), protocol)))), String(protocol)).toBe(
        'UNSUPPORTED_PROTOCOL',
      );
    }
    const noProtocol: Record<string, unknown> = root(json('1'));
    delete noProtocol.protocol;
    expect(await codeOf(loads(skopsFile(noProtocol)))).toBe('UNSUPPORTED_PROTOCOL');
  });

  it('names the package that handles an unknown loader', async () => {
    const file = skopsFile(
      root(node('NdArrayNode', 'numpy', 'ndarray', { type: 'numpy', file: 'a.npy' })),
    );
    const err = await loads(file).catch((e: unknown) => e as Error);
    expect((err as { code?: string }).code).toBe('UNKNOWN_LOADER');
    expect((err as Error).message).toContain('@skops-ts/numpy');
  });

  it('refuses duplicate keys in schema.json', async () => {
    const text =
      '{"__class__": "str", "__module__": "builtins", "__loader__": "JsonNode", "content": "1", "content": "2", "protocol": 2}';
    expect(await codeOf(loads(skopsFile(text)))).toBe('INVALID_JSON');
  });

  it('refuses a member that the archive does not hold', async () => {
    const file = skopsFile(
      root(node('BytesNode', 'builtins', 'bytes', { file: '../../etc/passwd' })),
    );
    expect(await codeOf(getUntrustedTypes(file))).toBe('MISSING_MEMBER');
  });

  it('stops a deeply nested schema with a limit error', async () => {
    const open =
      '{"__class__": "list", "__module__": "builtins", "__loader__": "ListNode", "content": [';
    const depth = 100_000;
    const text = `{"protocol": 2, "__class__": "list", "__module__": "builtins", "__loader__": "ListNode", "content": [${open.repeat(depth)}${']}'.repeat(depth)}]}`;
    expect(await codeOf(getUntrustedTypes(skopsFile(text)))).toBe('LIMIT_EXCEEDED');
  });

  it('reads a JsonNode the way Python json.loads does', async () => {
    const file = skopsFile(
      root(
        listOf(
          json('1180591620717411303424'),
          json('1.0'),
          json('-0.0'),
          json('NaN'),
          json('"\\u00e9"'),
          json('null'),
        ),
      ),
    );
    const value = (await loads(file)) as unknown[];
    expect(value[0]).toBe(1180591620717411303424n);
    expect(Object.is(value[2], -0)).toBe(true);
    expect(value.slice(3)).toEqual([NaN, 'é', null]);
  });
});
