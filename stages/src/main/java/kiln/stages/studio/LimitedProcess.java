package kiln.stages.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one process with its output appended to a log, killing it at the wall-clock or silence
 * limit. Studios share it so every kind of studio ends builds the same way.
 */
public final class LimitedProcess {

  private LimitedProcess() {}

  /**
   * Starts the process and waits for it within the limits.
   *
   * @param builder the process to start; its output is redirected here, stderr merged in
   * @param log where the output goes as it comes (the caller closes it)
   * @param limits when to kill the process
   * @return how the process ended
   * @throws IOException when the process cannot be started or the log cannot be written
   * @throws InterruptedException when interrupted; the process is killed first
   */
  public static StudioRun run(ProcessBuilder builder, OutputStream log, BuildLimits limits)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    builder.redirectErrorStream(true);
    Process process = builder.start();
    AtomicLong lastOutput = new AtomicLong(start);
    Thread pump = pump(process.getInputStream(), log, lastOutput);
    try {
      StudioRun.Ending ending = await(process, start, lastOutput, limits);
      if (ending != StudioRun.Ending.EXITED) {
        kill(process);
      }
      // A daemon the build left behind could hold the pipe open; do not wait on it forever.
      pump.join(ending == StudioRun.Ending.EXITED ? 0 : 5_000);
      int code = ending == StudioRun.Ending.EXITED ? process.exitValue() : -1;
      return new StudioRun(code, ending, Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
  }

  private static StudioRun.Ending await(
      Process process, long start, AtomicLong lastOutput, BuildLimits limits)
      throws InterruptedException {
    long wallDeadline = start + limits.wallClock().toNanos();
    long silence = limits.silence().toNanos();
    while (true) {
      long now = System.nanoTime();
      if (now >= wallDeadline) {
        return StudioRun.Ending.TIMED_OUT;
      }
      long silentDeadline = lastOutput.get() + silence;
      if (now >= silentDeadline) {
        return StudioRun.Ending.SILENT_TOO_LONG;
      }
      long wait = Math.min(wallDeadline, silentDeadline) - now;
      if (process.waitFor(wait, TimeUnit.NANOSECONDS)) {
        return StudioRun.Ending.EXITED;
      }
    }
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
  }

  private static Thread pump(InputStream output, OutputStream out, AtomicLong lastOutput) {
    Thread thread =
        new Thread(
            () -> {
              try (output) {
                byte[] buffer = new byte[8192];
                for (int n; (n = output.read(buffer)) >= 0; ) {
                  lastOutput.set(System.nanoTime());
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // The process died or the log vanished; the exit status says what matters.
              }
            },
            "studio-log");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
