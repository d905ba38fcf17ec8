import pc from 'picocolors';

/** A stream the CLI writes to; only what the colour and progress decisions need. */
export interface OutputStream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

/** Where a command writes, and the process-wide switches it honours. */
export interface Terminal {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Colours for `stream`: on a terminal unless NO_COLOR is set (https://no-color.org); FORCE_COLOR turns them on for pipes. */
export function colorsFor(
  stream: OutputStream,
  env: Terminal['env'],
): ReturnType<typeof pc.createColors> {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  return pc.createColors(!noColor && (force || stream.isTTY === true));
}

/** Writes one line of data to stdout. */
export function printData(terminal: Terminal, text: string): void {
  terminal.stdout.write(`${text}\n`);
}

/** Writes one message line to stderr. */
export function printMessage(terminal: Terminal, text: string): void {
  terminal.stderr.write(`${text}\n`);
}
