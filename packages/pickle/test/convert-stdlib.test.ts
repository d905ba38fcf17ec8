import {
  PyByteArray,
  PyDict,
  PyFunction,
  PyObject,
  PyOperator,
  PyPartial,
  PySet,
  PySlice,
  PyTuple,
  PyType,
} from '@skops-ts/core';
import { describe, expect, it } from 'vitest';
import { convertPickle } from '../src/index.js';

/**
 * pickle.dumps of this dict by CPython 3.11 under protocols 2 and 4:
 * {'od': OrderedDict([('b', 1), ('a', 2)]), 'cnt': Counter('aab'),
 *  'dd': defaultdict(list, {'x': [1]}), 'dt': datetime(2024, 1, 2, 3, 4, 5),
 *  'td': timedelta(days=1, seconds=2), 'sl': slice(1, None, 2),
 *  'ba': bytearray(b'\x00\xff'), 'fs': frozenset({1}),
 *  'p': partial(max, 1, key=abs), 'ig': itemgetter('a', 1)}
 */
const STREAMS = {
  2: '80027d71002858020000006f64710163636f6c6c656374696f6e730a4f726465726564446963740a7102295271032858010000006271044b0158010000006171054b02755803000000636e74710663636f6c6c656374696f6e730a436f756e7465720a71077d71082858010000006171094b02580100000062710a4b017585710b52710c58020000006464710d63636f6c6c656374696f6e730a64656661756c74646963740a710e635f5f6275696c74696e5f5f0a6c6973740a710f85711052711158010000007871125d71134b016173580200000064747114636461746574696d650a6461746574696d650a7115635f636f646563730a656e636f64650a7116580b00000007c3a80102030405000000711758060000006c6174696e31711886711952711a85711b52711c58020000007464711d636461746574696d650a74696d6564656c74610a711e4b014b024b0087711f5271205802000000736c7121635f5f6275696c74696e5f5f0a736c6963650a71224b014e4b02877123527124580200000062617125635f5f6275696c74696e5f5f0a6279746561727261790a71266816580300000000c3bf7127681886712852712985712a52712b58020000006673712c635f5f6275696c74696e5f5f0a66726f7a656e7365740a712d5d712e4b016185712f52713058010000007071316366756e63746f6f6c730a7061727469616c0a7132635f5f6275696c74696e5f5f0a6d61780a71338571345271352868334b018571367d713758030000006b65797138635f5f6275696c74696e5f5f0a6162730a7139734e74713a6258020000006967713b636f70657261746f720a6974656d6765747465720a713c68054b0186713d52713e752e',
  4: '800495a1010000000000007d94288c026f64948c0b636f6c6c656374696f6e73948c0b4f72646572656444696374949394295294288c0162944b018c0161944b02758c03636e749468028c07436f756e7465729493947d94288c0161944b028c0162944b0175859452948c0264649468028c0b64656661756c74646963749493948c086275696c74696e73948c046c697374949394859452948c0178945d944b0161738c026474948c086461746574696d65948c086461746574696d65949394430a07e8010203040500000094859452948c02746494681b8c0974696d6564656c74619493944b014b024b00879452948c02736c9468138c05736c6963659493944b014e4b02879452948c0262619468138c09627974656172726179949394430200ff94859452948c02667394284b0191948c0170948c0966756e63746f6f6c73948c077061727469616c9493948c086275696c74696e73948c036d6178949394859452942868394b0185947d948c036b65799468378c03616273949394734e7494628c026967948c086f70657261746f72948c0a6974656d67657474657294939468074b0186945294752e',
};

const hex = (text: string): Uint8Array =>
  Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));

describe.each([2, 4] as const)('standard library values under protocol %i', (protocol) => {
  const value = convertPickle(hex(STREAMS[protocol])) as PyDict;

  it('rebuilds OrderedDict, Counter and defaultdict with their classes and items', () => {
    const od = value.get('od') as PyDict;
    expect([od.className, [...od.entries()]]).toEqual([
      'collections.OrderedDict',
      [
        ['b', 1n],
        ['a', 2n],
      ],
    ]);
    const cnt = value.get('cnt') as PyDict;
    expect([cnt.className, [...cnt.entries()]]).toEqual([
      'collections.Counter',
      [
        ['a', 2n],
        ['b', 1n],
      ],
    ]);
    const dd = value.get('dd') as PyDict;
    expect([dd.className, [...dd.entries()]]).toEqual(['collections.defaultdict', [['x', [1n]]]]);
    expect(PyType.is(dd.defaultFactory) && dd.defaultFactory.fullName).toBe('builtins.list');
  });

  it('keeps datetime values as their constructor arguments, as skops stores them', () => {
    const dt = value.get('dt') as PyObject;
    expect(dt.className).toBe('datetime.datetime');
    const [raw] = (dt.reduceArgs as PyTuple).items;
    expect([...(raw as Uint8Array)]).toEqual([0x07, 0xe8, 1, 2, 3, 4, 5, 0, 0, 0]);
    const td = value.get('td') as PyObject;
    expect([td.className, td.reduceArgs?.items]).toEqual(['datetime.timedelta', [1n, 2n, 0n]]);
  });

  it('rebuilds slice, bytearray and frozenset', () => {
    const sl = value.get('sl') as PySlice;
    expect(PySlice.is(sl) && [sl.start, sl.stop, sl.step]).toEqual([1n, null, 2n]);
    const ba = value.get('ba') as PyByteArray;
    expect(PyByteArray.is(ba) && [...ba.data]).toEqual([0, 255]);
    const fs = value.get('fs') as PySet;
    expect([fs.kind, fs.items]).toEqual(['frozenset', [1n]]);
  });

  it('rebuilds functools.partial and operator.itemgetter without calling them', () => {
    const p = value.get('p') as PyPartial;
    expect(PyPartial.is(p)).toBe(true);
    expect(PyFunction.is(p.func) && p.func.fullName).toBe('builtins.max');
    expect(p.args.items).toEqual([1n]);
    expect(
      PyFunction.is(p.keywords.get('key')) && (p.keywords.get('key') as PyFunction).fullName,
    ).toBe('builtins.abs');
    expect(p.namespace).toBeNull();
    const ig = value.get('ig') as PyOperator;
    expect(PyOperator.is(ig) && [ig.name, ig.args.items]).toEqual(['itemgetter', ['a', 1n]]);
  });
});
