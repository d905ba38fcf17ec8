import {
  describe,
  formatTree,
  loadFromSource,
  stringifyDescription,
  visualNodes,
  type VisualNode,
  type VisualizeShow,
} from '@skops-ts/core';
import { Option, type Command } from 'commander';
import { reportError, withExitCodesHelp, type CommandContext } from '../command-context.js';
import { openInput, readInput } from '../files/input-source.js';
import { addLoadOptions, loadOptionsOf, type LoadFlags } from '../options/load-options.js';
import { OFFICIAL_PLUGINS } from '../plugins.js';
import { terminalSafeJson, toJson, visible } from '../output/safe-text.js';
import { colorsFor, printData, type Terminal } from '../output/terminal.js';
import { explainRefusal } from '../untrusted-refusal.js';

interface InspectFlags extends LoadFlags {
  readonly show: VisualizeShow;
  readonly json?: boolean;
  readonly describe?: boolean;
}

/** Python's visibility rule: the root always; then all, the untrusted branches, or the trusted nodes. */
function shown(node: VisualNode, index: number, show: VisualizeShow): boolean {
  if (index === 0 || show === 'all') return true;
  return show === 'untrusted' ? !node.safe : node.selfSafe;
}

function treeText(nodes: readonly VisualNode[], show: VisualizeShow, terminal: Terminal): string {
  const c = colorsFor(terminal.stdout, terminal.env);
  const printable = nodes.map((n) => ({ ...n, key: visible(n.key), value: visible(n.value) }));
  return formatTree(printable, {
    show,
    // Python's colours: trusted cyan, trusted with untrusted children magenta, untrusted (orange there) bold red.
    style: (label, node) =>
      node.safe ? c.cyan(label) : node.selfSafe ? c.magenta(label) : c.bold(c.red(label)),
  });
}

function treeJson(nodes: readonly VisualNode[], show: VisualizeShow): string {
  const rows = nodes
    .filter((n, i) => shown(n, i, show))
    .map(({ key, value, level, selfSafe, safe }) => ({ key, value, level, selfSafe, safe }));
  return toJson(rows, 2);
}

async function inspectFile(file: string, flags: InspectFlags, terminal: Terminal): Promise<string> {
  const options = loadOptionsOf(flags);
  if (flags.describe) {
    let value: unknown;
    try {
      value = await loadFromSource(await openInput(file, terminal), options);
    } catch (err) {
      throw explainRefusal(err, file, 'Nothing was loaded.');
    }
    return terminalSafeJson(
      stringifyDescription(describe(value, { plugins: OFFICIAL_PLUGINS }), 2),
    );
  }
  const nodes = await visualNodes(await readInput(file, terminal), options);
  return flags.json ? treeJson(nodes, flags.show) : treeText(nodes, flags.show, terminal);
}

/** `skops inspect FILE`: the tree Python's visualize prints, the same as data, or the loaded value's description. */
export function registerInspect(program: Command, context: CommandContext): void {
  const command = program
    .command('inspect')
    .summary('show the object tree of a skops file, untrusted types marked')
    .description(
      "Show the object tree of a skops file as Python skops' visualize prints it, untrusted nodes tagged [UNSAFE] " +
        '(coloured on a terminal; plain when piped or when NO_COLOR is set). Nothing is loaded unless --describe is given.',
    )
    .argument('<FILE>', 'the skops file')
    .addOption(
      new Option('--show <WHICH>', 'which nodes to show')
        .choices(['all', 'untrusted', 'trusted'])
        .default('all'),
    )
    .addOption(
      new Option(
        '--json',
        'print the tree as a JSON array of {key, value, level, selfSafe, safe} in tree order',
      ),
    )
    .addOption(
      new Option(
        '--describe',
        'load the file (refusing types that are neither trusted by default nor given with --trusted) and print its canonical description as one JSON document',
      ).conflicts(['json', 'show']),
    );
  addLoadOptions(command);
  withExitCodesHelp(command).action(async (file: string, flags: InspectFlags, self: Command) => {
    try {
      printData(context.terminal, await inspectFile(file, flags, context.terminal));
    } catch (err) {
      reportError(context, self, err, file);
    }
  });
}
