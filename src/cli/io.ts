// The process as the CLI sees it: streams, environment, terminal facts, clock. Tests pass their own.

export interface WriteStream {
  write(s: string | Uint8Array): unknown;
}

export interface Io {
  stdout: WriteStream;
  stderr: WriteStream;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  cwd: string;
  /** the clock, read only by the CLI (default reference date); defaults to `new Date()` */
  now?: () => Date;
  /**
   * The exit code a command reports (like `process.exitCode`): `run` starts it at 0 and returns it.
   * A command action that is not an error sets it (e.g. 1 for FAIL); errors are thrown, not set here.
   */
  exitCode?: number;
}
