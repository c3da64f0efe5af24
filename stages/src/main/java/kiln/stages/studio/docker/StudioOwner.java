package kiln.stages.studio.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who started a container: one kiln process in one work directory. Every container kiln starts
 * carries these as labels, so a later kiln can tell its own leftovers (owner dead) from the live
 * containers of parallel runs and other users of the same engine.
 *
 * @param runId unique per kiln process
 * @param pid the owning process
 * @param pidStart when that process started (a reused pid has a different start), or "" if unknown
 * @param host the host name the owner ran on: pids mean nothing across hosts
 * @param workDir the owner's work directory (absolute)
 */
public record StudioOwner(String runId, long pid, String pidStart, String host, Path workDir) {

  /** Label prefix of every label kiln sets. */
  public static final String PREFIX = "dev.kiln.";

  static final String RUN = PREFIX + "run";
  static final String PID = PREFIX + "pid";
  static final String PID_START = PREFIX + "pid-start";
  static final String HOST = PREFIX + "host";
  static final String WORK = PREFIX + "work";

  public StudioOwner {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("run id must not be blank: '" + runId + "'");
    }
    if (pid <= 0) {
      throw new IllegalArgumentException("pid must be positive: " + pid);
    }
    Objects.requireNonNull(pidStart, "pidStart");
    Objects.requireNonNull(host, "host");
    if (!workDir.isAbsolute()) {
      throw new IllegalArgumentException("work dir must be absolute: " + workDir);
    }
  }

  /** This process, working in {@code workDir}. */
  public static StudioOwner current(Path workDir) {
    ProcessHandle self = ProcessHandle.current();
    return new StudioOwner(
        UUID.randomUUID().toString().substring(0, 12),
        self.pid(),
        startOf(self),
        hostName(),
        workDir.toAbsolutePath().normalize());
  }

  /** The labels that mark a container as this owner's. */
  public Map<String, String> labels() {
    return Map.of(
        RUN,
        runId,
        PID,
        Long.toString(pid),
        PID_START,
        pidStart,
        HOST,
        host,
        WORK,
        workDir.toString());
  }

  /**
   * Whether a container with these labels belongs to a kiln process that is gone: same host, and
   * its pid is dead or now names a process that started at another time.
   */
  static boolean ownerIsDead(Map<String, String> labels, String thisHost) {
    if (!thisHost.equals(labels.get(HOST))) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(labels.getOrDefault(PID, ""));
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    String recorded = labels.getOrDefault(PID_START, "");
    return !recorded.isEmpty() && !recorded.equals(startOf(process.get()));
  }

  static String startOf(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toString).orElse("");
  }

  /** The kernel's host name: no DNS look-up, so it is instant and the same for every process. */
  static String hostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
    }
  }
}
