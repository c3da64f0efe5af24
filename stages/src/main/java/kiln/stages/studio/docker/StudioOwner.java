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
  static final String BOOT = PREFIX + "boot";

  /**
   * How a Docker studio run's host directory (program, output, /bin links) is named: {@code
   * PREFIX<pid>-<start ms>-...}.
   */
  static final String TEMP_PREFIX = "kiln-studio-run-";

  private static final java.util.regex.Pattern TEMP_NAME =
      java.util.regex.Pattern.compile(
          java.util.regex.Pattern.quote(TEMP_PREFIX) + "(\\d+)-(\\d+)-.*");

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
        workDir.toString(),
        BOOT,
        bootId());
  }

  /**
   * The name prefix of this owner's host directories: its pid and start time, so a later kiln can
   * tell a dead owner's directories ({@link #tempDirOwnerIsDead}).
   */
  String tempPrefix() {
    long start;
    try {
      start = pidStart.isEmpty() ? 0 : Instant.parse(pidStart).toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      start = 0;
    }
    return TEMP_PREFIX + pid + "-" + start + "-";
  }

  /**
   * Whether a host directory named by {@link #tempPrefix} belongs to a process of this host that is
   * gone. Directories named otherwise (other programs', or kiln's before it named its owner) are
   * never judged: they are not known to be kiln's leftovers.
   */
  static boolean tempDirOwnerIsDead(String name) {
    var matcher = TEMP_NAME.matcher(name);
    if (!matcher.matches()) {
      return false;
    }
    long pid;
    long start;
    try {
      pid = Long.parseLong(matcher.group(1));
      start = Long.parseLong(matcher.group(2));
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    if (start == 0) {
      return false;
    }
    return process.get().info().startInstant().map(i -> i.toEpochMilli() != start).orElse(false);
  }

  /**
   * Whether a container with these labels belongs to a kiln process that is gone: same host, and
   * the host was rebooted since (another boot id), or its pid is dead or now names a process that
   * started at another time. Containers of any work directory count: a crashed bootstrap's
   * leftovers are reaped by the next kiln command of any work directory.
   */
  static boolean ownerIsDead(Map<String, String> labels, String thisHost) {
    if (!thisHost.equals(labels.get(HOST))) {
      return false;
    }
    String boot = labels.getOrDefault(BOOT, "");
    if (!boot.isEmpty() && !bootId().isEmpty() && !boot.equals(bootId())) {
      return true;
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

  /** The kernel's id of this boot: pids of an earlier boot name nothing now. Empty if unknown. */
  static String bootId() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
    } catch (IOException e) {
      return "";
    }
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
