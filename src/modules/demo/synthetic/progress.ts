/**
 * A progress bar on a terminal (redrawn in place with \r, at most ten times a second) and, when
 * the output is a file or pipe, one plain line per 10%, so logs stay readable.
 */
export interface Progress {
  start(total: number, label: string): void;
  tick(count: number): void;
  finish(message: string): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, finish() {} };

export function createStderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let total = 1;
  let done = 0;
  let label = '';
  let started = 0;
  let lastDraw = 0;
  let lastTenth = -1;
  const tty = stream.isTTY === true;
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const draw = () => {
    const share = Math.min(1, done / total);
    if (tty) {
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('nl-NL')}/${total.toLocaleString('nl-NL')} ${elapsed()} `,
      );
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label}: ${tenth * 10}% (${done}/${total}, ${elapsed()})\n`);
    }
  };
  return {
    start(t, l) {
      total = Math.max(1, Math.round(t));
      label = l;
      done = 0;
      started = Date.now();
      lastTenth = -1;
      draw();
    },
    tick(count) {
      done += count;
      const now = Date.now();
      if (!tty || now - lastDraw >= 100) {
        lastDraw = now;
        draw();
      }
    },
    finish(message) {
      done = Math.max(done, total);
      if (tty) {
        draw();
        stream.write('\n');
      }
      stream.write(`${message} (${elapsed()})\n`);
    },
  };
}
