package kiln.orchestrator.inputs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kiln.resume.Artifact;

/**
 * SHA-256 of files, remembered by path, size, modification time (to the nanosecond) and device and
 * inode, as git's index does (without the change time: Java reads it only through a slower
 * attribute view, and a write that keeps size and nanosecond mtime is what the racy rule below is
 * for): a file whose stat is unchanged is not read again, so computing the inputs of ten thousand
 * unchanged plans costs stats, not reads. A {@code touch} changes the times, so the file is read
 * once and its digest, being the same, changes nothing.
 *
 * <p>Kept in one file ({@code <work>/cache/file-digests}); losing it costs reads, never a wrong
 * answer. A file modified in the second it was hashed is not remembered (git's racy-clean case): a
 * second write in that second would keep its size and time.
 */
public final class FileDigests {

  /** What a file's stat said when it was hashed, and its digest. */
  private record Known(long size, long mtimeNanos, String inode, String sha256) {}

  private final Path file;
  private final Map<String, Known> known = new HashMap<>();
  private final Map<String, String> derived = new HashMap<>();
  private boolean changed;
  private int reads;

  private FileDigests(Path file) {
    this.file = file;
  }

  /** The cache kept in {@code file}; an unreadable or missing file starts it empty. */
  public static FileDigests in(Path file) {
    FileDigests digests = new FileDigests(file);
    digests.load();
    return digests;
  }

  /** The cache kept under a work dir. */
  public static FileDigests ofWorkDir(Path work) {
    return in(work.resolve("cache").resolve("file-digests"));
  }

  /** The SHA-256 of {@code path}'s content, read only when its stat changed. */
  public String sha256(Path path) throws IOException {
    return sha256(path, Files.readAttributes(path, BasicFileAttributes.class));
  }

  /**
   * The SHA-256 of {@code path}'s content, given its attributes as just read (a directory walk has
   * them already: one stat per file).
   */
  public synchronized String sha256(Path path, BasicFileAttributes stat) throws IOException {
    long size = stat.size();
    long mtime = nanos(stat.lastModifiedTime());
    String inode = String.valueOf(stat.fileKey());
    String key = path.toString();
    Known was = known.get(key);
    if (was != null && was.size == size && was.mtimeNanos == mtime && was.inode.equals(inode)) {
      return was.sha256;
    }
    String sha = Artifact.sha256Of(path);
    reads++;
    long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    if (now - mtime >= TimeUnit.SECONDS.toNanos(1)) {
      known.put(key, new Known(size, mtime, inode, sha));
      changed = true;
    } else if (was != null) {
      known.remove(key);
      changed = true;
    }
    return sha;
  }

  /**
   * What was derived from a content before (the facts read from a plan.sh), by the content's
   * SHA-256; null when nothing was.
   */
  public synchronized String derived(String sha256) {
    return derived.get(sha256);
  }

  /** Remembers what was derived from a content, by its SHA-256; one line, no tab. */
  public synchronized void derived(String sha256, String facts) {
    if (facts.contains("\n") || facts.contains("\t")) {
      throw new IllegalArgumentException("derived facts are one line without tabs");
    }
    if (!facts.equals(derived.put(sha256, facts))) {
      changed = true;
    }
  }

  /** How many files were read (not answered from the cache) since this cache was opened. */
  public synchronized int reads() {
    return reads;
  }

  /** Writes the cache back when it learnt something; a failure to write only costs reads later. */
  public synchronized void save() {
    if (!changed) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".new");
      try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, Known> e : known.entrySet()) {
          Known k = e.getValue();
          out.write(
              k.size
                  + "\t"
                  + k.mtimeNanos
                  + "\t"
                  + k.inode
                  + "\t"
                  + k.sha256
                  + "\t"
                  + e.getKey()
                  + "\n");
        }
        for (Map.Entry<String, String> e : derived.entrySet()) {
          out.write("=\t" + e.getKey() + "\t" + e.getValue() + "\n");
        }
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      changed = false;
    } catch (IOException e) {
      // a cache: the next run reads the files again
    }
  }

  private void load() {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      return; // a cache: start empty
    }
    for (String line : lines) {
      String[] f = line.split("\t", 5);
      if (f.length == 3 && f[0].equals("=")) {
        derived.put(f[1], f[2]);
        continue;
      }
      if (f.length != 5 || f[3].length() != 64) {
        continue; // a line cut short by a crash: its file is read again
      }
      try {
        known.put(f[4], new Known(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3]));
      } catch (NumberFormatException e) {
        // as above
      }
    }
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }
}
