package kiln.resume;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import kiln.world.IoFailures;

/**
 * Keeps a second kiln off a work directory. The lock is an OS file lock on {@code kiln.lock}, which
 * the kernel releases when the holding process dies, however it dies; the file also holds the
 * holder's pid so the refusal can name it. A lock file left by a dead kiln is simply taken over:
 * its lock went with its process.
 */
public final class WorkDirLock implements AutoCloseable {

  /** The lock file's name inside the work directory. */
  public static final String FILE = "kiln.lock";

  /**
   * The work dirs this JVM holds. POSIX drops all of a process's locks on a file when the process
   * closes any descriptor of it, so this JVM must never open (and close) a lock file it holds:
   * asking again, or reading the holder's pid, is answered from here.
   */
  private static final java.util.Set<Path> HELD =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path workDir;
  private final FileChannel channel;
  private final FileLock lock;
  private final Optional<Long> previousHolder;

  private WorkDirLock(Path workDir, FileChannel channel, FileLock lock, Optional<Long> previous) {
    this.workDir = workDir;
    this.channel = channel;
    this.lock = lock;
    this.previousHolder = previous;
  }

  /**
   * Takes the work directory's lock, creating the directory if needed.
   *
   * @throws WorkDirLockedException when another live process holds it, naming its pid
   * @throws JournalException when the lock file cannot be made
   */
  public static WorkDirLock acquire(Path workDir) throws JournalException {
    Path absolute = workDir.toAbsolutePath().normalize();
    if (!HELD.add(absolute)) {
      throw new WorkDirLockedException(workDir, ProcessHandle.current().pid());
    }
    try {
      return lock(absolute);
    } catch (JournalException | RuntimeException e) {
      HELD.remove(absolute);
      throw e;
    }
  }

  private static WorkDirLock lock(Path workDir) throws JournalException {
    Path file = workDir.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(workDir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        long holder = holderIn(channel).orElse(-1L);
        channel.close();
        throw new WorkDirLockedException(workDir, holder);
      }
      Optional<Long> previous = holderIn(channel);
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      channel.force(true);
      return new WorkDirLock(workDir, channel, lock, previous);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new JournalException(
          IoFailures.message("cannot lock the work directory " + file, e), e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this very process holds it (through another path to the same folder)
    }
  }

  /** The pid written in a lock file, if it holds one; for status and refusals. */
  public static Optional<Long> holderOf(Path workDir) {
    if (HELD.contains(workDir.toAbsolutePath().normalize())) {
      return Optional.of(ProcessHandle.current().pid());
    }
    try (FileChannel channel = FileChannel.open(workDir.resolve(FILE), StandardOpenOption.READ)) {
      return holderIn(channel);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The pid of the kiln working in {@code workDir} now, if one is: decided by the OS lock, not by
   * the pid in the file (a pid left by a killed kiln may have been reused by any process). This
   * takes a shared lock for an instant: if it can be had, nobody holds the lock. The pid is -1 when
   * the holder has not written it yet.
   */
  public static Optional<Long> liveHolderOf(Path workDir) {
    if (HELD.contains(workDir.toAbsolutePath().normalize())) {
      return Optional.of(ProcessHandle.current().pid());
    }
    try (FileChannel channel = FileChannel.open(workDir.resolve(FILE), StandardOpenOption.READ)) {
      FileLock probe;
      try {
        probe = channel.tryLock(0, Long.MAX_VALUE, true);
      } catch (OverlappingFileLockException e) {
        return Optional.of(ProcessHandle.current().pid()); // held here, through another path
      }
      if (probe != null) {
        probe.release();
        return Optional.empty();
      }
      return Optional.of(holderIn(channel).orElse(-1L));
    } catch (IOException e) {
      return Optional.empty(); // no lock file: no kiln has worked here
    }
  }

  private static Optional<Long> holderIn(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    channel.read(buffer, 0);
    String text =
        new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The locked work directory, absolute. */
  public Path workDir() {
    return workDir;
  }

  /** The pid a stale lock file named when this lock took it over, if any. */
  public Optional<Long> previousHolder() {
    return previousHolder;
  }

  /**
   * Releases the lock and clears the pid. The file stays: removing it would race with a kiln about
   * to open it.
   */
  @Override
  public void close() throws IOException {
    try {
      // a clean exit leaves no pid behind: the next kiln's "took over the lock left by kiln pid
      // N" note is then only printed when a kiln really died holding the lock
      channel.truncate(0);
      channel.force(true);
      lock.release();
    } finally {
      channel.close();
      HELD.remove(workDir);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing with a better message
      }
    }
  }
}
