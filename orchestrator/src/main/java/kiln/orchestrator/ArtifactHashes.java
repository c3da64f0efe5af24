package kiln.orchestrator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kiln.resume.Artifact;
import kiln.resume.RunJournal;

/**
 * The SHA-256 of artifact files, checked by content where kiln uses them, without reading a file
 * that cannot have changed. A hash is kept in {@code <work>/cache/artifact-hashes} with the file's
 * size, modification time, inode and change time; it is used while all four are as they were, as
 * git's index does. The change time is the one that catches a file written in place with its size
 * kept and its modification time set back (a bad copy, a disk error, a hand edit): a program can
 * set the modification time but not the change time.
 *
 * <p>A hash taken within {@link #RACY} of the file's last change is not trusted later (git's "racy
 * clean" rule): a write in the same tick of the file system's clock leaves the change time as it
 * was. The cache is a cache: a lost or damaged line costs one read of the file, never a wrong
 * answer (an artifact is compared with the sha256 the ledger recorded, not with the cache).
 */
public final class ArtifactHashes {

  /** Coarser than the clock of any file system kiln runs on (Linux ticks 1-10 ms). */
  static final long RACY = TimeUnit.MILLISECONDS.toNanos(100);

  /** Hashes kept in memory before they are appended to the file. */
  private static final int BATCH = 512;

  private final Path file;
  private final StringBuilder pending = new StringBuilder();
  private int pendingLines;
  private Map<Path, Known> known;
  private int lines;

  private record Stamp(long size, long modified, long inode, long changed) {}

  private record Known(String sha256, Stamp stamp, long takenAt) {
    boolean trusted(Stamp now) {
      return stamp.equals(now) && takenAt - stamp.changed >= RACY;
    }
  }

  private ArtifactHashes(Path file) {
    this.file = file;
  }

  /** The hashes of a work directory. */
  public static ArtifactHashes in(Path workDir) {
    return new ArtifactHashes(workDir.resolve("cache").resolve("artifact-hashes"));
  }

  /** The hashes of the work directory a run's ledger is in. */
  public static ArtifactHashes of(RunJournal journal) {
    return in(journal.file().toAbsolutePath().getParent().getParent());
  }

  /**
   * What is wrong with a recorded artifact, or empty when it is there with the content it was built
   * with. Call {@link #save} after a batch of checks.
   */
  public synchronized Optional<String> problem(Artifact recorded) throws IOException {
    Path path = recorded.path();
    Stamp stamp;
    try {
      stamp = stamp(path);
    } catch (NoSuchFileException e) {
      return Optional.of("is missing");
    }
    if (stamp == null) {
      return Optional.of("is not a regular file");
    }
    if (stamp.size != recorded.size()) {
      return Optional.of("has " + stamp.size + " bytes, not the " + recorded.size() + " built");
    }
    String sha256 = sha256(path, stamp);
    return sha256.equals(recorded.sha256())
        ? Optional.empty()
        : Optional.of(
            "no longer has the content it was built with (sha256 "
                + sha256
                + ", built as "
                + recorded.sha256()
                + ")");
  }

  /**
   * The SHA-256 of a file, read only when its metadata changed since it was last hashed. Call
   * {@link #save} after a batch.
   */
  public synchronized String sha256(Path path) throws IOException {
    Stamp stamp = stamp(path);
    if (stamp == null) {
      throw new IOException(path + " is not a regular file");
    }
    return sha256(path, stamp);
  }

  /**
   * Records the hash of a file kiln has just written and hashed as it wrote it, so it is not read
   * again on resume. Best effort: a cache that cannot be written costs a read later.
   */
  public synchronized void remember(Path path, String sha256) {
    try {
      Stamp stamp = stamp(path);
      if (stamp != null) {
        keep(path.toAbsolutePath().normalize(), new Known(sha256, stamp, now()));
        save();
      }
    } catch (IOException e) {
      // nothing lost but the saving of a read
    }
  }

  private String sha256(Path path, Stamp stamp) throws IOException {
    Path key = path.toAbsolutePath().normalize();
    Known cached = known().get(key);
    if (cached != null && cached.trusted(stamp)) {
      return cached.sha256;
    }
    long takenAt = now();
    String sha256 = Artifact.sha256Of(path);
    Stamp after = stamp(path);
    if (stamp.equals(after)) { // else it changed while read: hash it again next time
      keep(key, new Known(sha256, stamp, takenAt));
    }
    return sha256;
  }

  private static long now() {
    return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
  }

  /** The file's stamp, or null when it is not a regular file. */
  private static Stamp stamp(Path path) throws IOException {
    Map<String, Object> unix;
    try {
      unix = Files.readAttributes(path, "unix:size,lastModifiedTime,ino,ctime,isRegularFile");
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // No inode or change time here: a stamp that never matches, so every check reads the file.
      return new Stamp(Files.size(path), -1, -1, Long.MAX_VALUE);
    }
    if (!Boolean.TRUE.equals(unix.get("isRegularFile"))) {
      return null;
    }
    return new Stamp(
        (Long) unix.get("size"),
        nanos(unix.get("lastModifiedTime")),
        ((Number) unix.get("ino")).longValue(),
        nanos(unix.get("ctime")));
  }

  private static long nanos(Object time) {
    return ((FileTime) time).to(TimeUnit.NANOSECONDS);
  }

  private Map<Path, Known> known() {
    if (known == null) {
      known = new HashMap<>();
      load();
    }
    return known;
  }

  private void keep(Path key, Known entry) {
    known().put(key, entry);
    pending.append(line(key, entry));
    if (++pendingLines >= BATCH) {
      save();
    }
  }

  /**
   * Writes the hashes taken since the last save to the cache file: one append for a batch (lines
   * from several builders do not interleave). Hashes not saved are only taken again next time.
   */
  public synchronized void save() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          pending,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      lines += pendingLines;
    } catch (IOException e) {
      // the hashes are still known to this process
    }
    pending.setLength(0);
    pendingLines = 0;
  }

  private static String line(Path path, Known k) {
    return k.sha256
        + " "
        + k.stamp.size
        + " "
        + k.stamp.modified
        + " "
        + k.stamp.inode
        + " "
        + k.stamp.changed
        + " "
        + k.takenAt
        + " "
        + path
        + "\n";
  }

  /** Reads the cache, the last line of a file winning; rewrites it when mostly superseded lines. */
  private void load() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return; // none yet, or unreadable: start empty
    }
    for (String line : text.split("\n")) {
      String[] f = line.split(" ", 7);
      if (f.length == 7 && f[0].length() == 64) {
        try {
          Stamp stamp =
              new Stamp(
                  Long.parseLong(f[1]),
                  Long.parseLong(f[2]),
                  Long.parseLong(f[3]),
                  Long.parseLong(f[4]));
          known.put(Path.of(f[6]), new Known(f[0], stamp, Long.parseLong(f[5])));
          lines++;
        } catch (NumberFormatException e) {
          // a torn line: that file is read again
        }
      }
    }
    if (lines > 2 * known.size() + 64) {
      compact();
    }
  }

  private void compact() {
    StringBuilder text = new StringBuilder();
    known.forEach((path, k) -> text.append(line(path, k)));
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".new");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      lines = known.size();
    } catch (IOException e) {
      // kept long: still right
    }
  }
}
