/** The exit codes of every skops command; `--help` and the README list them. */
export const EXIT = Object.freeze({
  OK: 0,
  UNTRUSTED: 1,
  UNREADABLE: 2,
  USAGE: 3,
  NOT_WRITTEN: 4,
  INTERNAL: 5,
});

/** One exit code of {@link EXIT}. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit-code table appended to every `--help`. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  success (audit, convert: no untrusted type remains beyond --trusted;
     scan: convert would accept every file)
  1  untrusted types remain (audit; convert, after writing the file), loading was refused
     because of them, or convert would refuse a scanned file (scan)
  2  an input file cannot be read or is not a valid skops, pickle or joblib file, or
     converting it was refused because it would run code (the reason is printed; nothing written)
  3  the command line is wrong (unknown option, bad value, missing argument)
  4  the output file could not be written (update, convert; also an existing OUT without
     --force for convert); nothing was left behind
  5  internal error: a bug in skops-ts (run with -v and report the stack trace)

Data goes to stdout, messages to stderr. Errors are one line; -v adds the stack trace.`;
