/**
 * Python 3's `fix_imports` tables (CPython `Lib/_compat_pickle.py`, the
 * Python-2-to-3 direction): what `Unpickler.find_class` really imports for
 * a global spelled the Python 2 way. Data only: nothing here is looked up
 * anywhere but in these tables.
 */

/** `_compat_pickle.IMPORT_MAPPING`, including its non-mutual additions. */
export const IMPORT_MAPPING: ReadonlyMap<string, string> = new Map([
  ['__builtin__', 'builtins'],
  ['copy_reg', 'copyreg'],
  ['Queue', 'queue'],
  ['SocketServer', 'socketserver'],
  ['ConfigParser', 'configparser'],
  ['repr', 'reprlib'],
  ['tkFileDialog', 'tkinter.filedialog'],
  ['tkSimpleDialog', 'tkinter.simpledialog'],
  ['tkColorChooser', 'tkinter.colorchooser'],
  ['tkCommonDialog', 'tkinter.commondialog'],
  ['Dialog', 'tkinter.dialog'],
  ['Tkdnd', 'tkinter.dnd'],
  ['tkFont', 'tkinter.font'],
  ['tkMessageBox', 'tkinter.messagebox'],
  ['ScrolledText', 'tkinter.scrolledtext'],
  ['Tkconstants', 'tkinter.constants'],
  ['Tix', 'tkinter.tix'],
  ['ttk', 'tkinter.ttk'],
  ['Tkinter', 'tkinter'],
  ['markupbase', '_markupbase'],
  ['_winreg', 'winreg'],
  ['thread', '_thread'],
  ['dummy_thread', '_dummy_thread'],
  ['dbhash', 'dbm.bsd'],
  ['dumbdbm', 'dbm.dumb'],
  ['dbm', 'dbm.ndbm'],
  ['gdbm', 'dbm.gnu'],
  ['xmlrpclib', 'xmlrpc.client'],
  ['SimpleXMLRPCServer', 'xmlrpc.server'],
  ['httplib', 'http.client'],
  ['htmlentitydefs', 'html.entities'],
  ['HTMLParser', 'html.parser'],
  ['Cookie', 'http.cookies'],
  ['cookielib', 'http.cookiejar'],
  ['BaseHTTPServer', 'http.server'],
  ['test.test_support', 'test.support'],
  ['commands', 'subprocess'],
  ['urlparse', 'urllib.parse'],
  ['robotparser', 'urllib.robotparser'],
  ['urllib2', 'urllib.request'],
  ['anydbm', 'dbm'],
  ['_abcoll', 'collections.abc'],
  ['cPickle', 'pickle'],
  ['_elementtree', 'xml.etree.ElementTree'],
  ['FileDialog', 'tkinter.filedialog'],
  ['SimpleDialog', 'tkinter.simpledialog'],
  ['DocXMLRPCServer', 'xmlrpc.server'],
  ['SimpleHTTPServer', 'http.server'],
  ['CGIHTTPServer', 'http.server'],
  ['UserDict', 'collections'],
  ['UserList', 'collections'],
  ['UserString', 'collections'],
  ['whichdb', 'dbm'],
  ['StringIO', 'io'],
  ['cStringIO', 'io'],
]);

const PYTHON2_EXCEPTIONS = [
  'ArithmeticError',
  'AssertionError',
  'AttributeError',
  'BaseException',
  'BufferError',
  'BytesWarning',
  'DeprecationWarning',
  'EOFError',
  'EnvironmentError',
  'Exception',
  'FloatingPointError',
  'FutureWarning',
  'GeneratorExit',
  'IOError',
  'ImportError',
  'ImportWarning',
  'IndentationError',
  'IndexError',
  'KeyError',
  'KeyboardInterrupt',
  'LookupError',
  'MemoryError',
  'NameError',
  'NotImplementedError',
  'OSError',
  'OverflowError',
  'PendingDeprecationWarning',
  'ReferenceError',
  'RuntimeError',
  'RuntimeWarning',
  'StopIteration',
  'SyntaxError',
  'SyntaxWarning',
  'SystemError',
  'SystemExit',
  'TabError',
  'TargetScopeError',
  'TypeError',
  'UnboundLocalError',
  'UnicodeDecodeError',
  'UnicodeEncodeError',
  'UnicodeError',
  'UnicodeTranslateError',
  'UnicodeWarning',
  'UserWarning',
  'ValueError',
  'Warning',
  'ZeroDivisionError',
];

const MULTIPROCESSING_EXCEPTIONS = [
  'AuthenticationError',
  'BufferTooShort',
  'ProcessError',
  'TimeoutError',
];

/** `_compat_pickle.NAME_MAPPING`, keyed `module + "\n" + name`, including the exception families. */
export const NAME_MAPPING: ReadonlyMap<string, readonly [string, string]> = new Map<
  string,
  readonly [string, string]
>([
  ...(
    [
      ['__builtin__', 'xrange', 'builtins', 'range'],
      ['__builtin__', 'reduce', 'functools', 'reduce'],
      ['__builtin__', 'intern', 'sys', 'intern'],
      ['__builtin__', 'unichr', 'builtins', 'chr'],
      ['__builtin__', 'unicode', 'builtins', 'str'],
      ['__builtin__', 'long', 'builtins', 'int'],
      ['itertools', 'izip', 'builtins', 'zip'],
      ['itertools', 'imap', 'builtins', 'map'],
      ['itertools', 'ifilter', 'builtins', 'filter'],
      ['itertools', 'ifilterfalse', 'itertools', 'filterfalse'],
      ['itertools', 'izip_longest', 'itertools', 'zip_longest'],
      ['UserDict', 'IterableUserDict', 'collections', 'UserDict'],
      ['UserList', 'UserList', 'collections', 'UserList'],
      ['UserString', 'UserString', 'collections', 'UserString'],
      ['whichdb', 'whichdb', 'dbm', 'whichdb'],
      ['_socket', 'fromfd', 'socket', 'fromfd'],
      ['_multiprocessing', 'Connection', 'multiprocessing.connection', 'Connection'],
      ['multiprocessing.process', 'Process', 'multiprocessing.context', 'Process'],
      ['multiprocessing.forking', 'Popen', 'multiprocessing.popen_fork', 'Popen'],
      ['urllib', 'ContentTooShortError', 'urllib.error', 'ContentTooShortError'],
      ['urllib', 'getproxies', 'urllib.request', 'getproxies'],
      ['urllib', 'pathname2url', 'urllib.request', 'pathname2url'],
      ['urllib', 'quote_plus', 'urllib.parse', 'quote_plus'],
      ['urllib', 'quote', 'urllib.parse', 'quote'],
      ['urllib', 'unquote_plus', 'urllib.parse', 'unquote_plus'],
      ['urllib', 'unquote', 'urllib.parse', 'unquote'],
      ['urllib', 'url2pathname', 'urllib.request', 'url2pathname'],
      ['urllib', 'urlcleanup', 'urllib.request', 'urlcleanup'],
      ['urllib', 'urlencode', 'urllib.parse', 'urlencode'],
      ['urllib', 'urlopen', 'urllib.request', 'urlopen'],
      ['urllib', 'urlretrieve', 'urllib.request', 'urlretrieve'],
      ['urllib2', 'HTTPError', 'urllib.error', 'HTTPError'],
      ['urllib2', 'URLError', 'urllib.error', 'URLError'],
      ['__builtin__', 'basestring', 'builtins', 'str'],
      ['exceptions', 'StandardError', 'builtins', 'Exception'],
      ['UserDict', 'UserDict', 'collections', 'UserDict'],
      ['socket', '_socketobject', 'socket', 'SocketType'],
    ] as const
  ).map(([m, n, m3, n3]) => [`${m}\n${n}`, [m3, n3] as const] as const),
  ...PYTHON2_EXCEPTIONS.map((e) => [`exceptions\n${e}`, ['builtins', e] as const] as const),
  ...MULTIPROCESSING_EXCEPTIONS.map(
    (e) => [`multiprocessing\n${e}`, ['multiprocessing.context', e] as const] as const,
  ),
]);

/**
 * The module and name `find_class` imports for a global spelled
 * `module`/`name`. Python applies the mapping only while the stream's
 * protocol is below 3 (`Unpickler.proto < 3`, set by the PROTO opcode).
 */
export function fixImports(
  module: string,
  name: string,
  protocol: number,
): readonly [string, string] {
  if (protocol >= 3) return [module, name];
  const renamed = NAME_MAPPING.get(`${module}\n${name}`);
  if (renamed) return renamed;
  return [IMPORT_MAPPING.get(module) ?? module, name];
}
