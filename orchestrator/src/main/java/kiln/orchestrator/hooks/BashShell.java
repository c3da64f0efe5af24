package kiln.orchestrator.hooks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link HookShell} through {@code bash -c}. The output goes straight into the log file (no pipe
 * for kiln to drain), so a hook that leaves a process running in the background does not hold kiln
 * up; stdin is {@code /dev/null}, so a hook that asks a question fails instead of waiting.
 */
final class BashShell implements HookShell {

  @Override
  public Exit run(
      String command, Path folder, Map<String, String> environment, Duration limit, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", "-c", command))
            .directory(folder.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectErrorStream(true);
    // a variable kiln does not set for this hook must not reach it from kiln's own environment
    builder.environment().keySet().removeAll(HookEnvironment.NAMES);
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      boolean exited = process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
      if (!exited) {
        kill(process);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      return new Exit(exited ? process.exitValue() : -1, !exited, took);
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
  }

  /** The hook and whatever it started: a hook past its limit must not go on behind kiln's back. */
  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
  }
}
