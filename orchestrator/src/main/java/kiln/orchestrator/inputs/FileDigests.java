package kiln.orchestrator.inputs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kiln.resume.Artifact;

/**
 * SHA-256 of files, remembered by path, size, modification time, inode and change time, as git's
 * index does: a file whose stat is unchanged is not read again, so computing the inputs of ten
 * thousand unchanged plans costs stats, not reads. A {@code touch} changes the times, so the file
 * is read once and its digest, being the same, changes nothing.
 *
 * <p>Kept in one file ({@code <work>/cache/file-digests}); losing it costs reads, never a wrong
 * answer. A file modified in the second it was hashed is not remembered (git's racy-clean case): a
 * second write in that second would keep its size and time.
 */
public final class FileDigests {

  /** What a file's stat said when it was hashed, and its digest. */
  private record Known(long size, long mtimeNanos, long inode, long ctimeNanos, String sha256) {}

  private final Path file;
  private final Map<String, Known> known = new HashMap<>();
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
  public synchronized String sha256(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Map<String, Object> stat =
        Files.readAttributes(absolute, "unix:size,lastModifiedTime,ino,ctime");
    long size = (Long) stat.get("size");
    long mtime = nanos((FileTime) stat.get("lastModifiedTime"));
    long inode = (Long) stat.get("ino");
    long ctime = nanos((FileTime) stat.get("ctime"));
    String key = absolute.toString();
    Known was = known.get(key);
    if (was != null
        && was.size == size
        && was.mtimeNanos == mtime
        && was.inode == inode
        && was.ctimeNanos == ctime) {
      return was.sha256;
    }
    String sha = Artifact.sha256Of(absolute);
    reads++;
    long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    if (now - Math.max(mtime, ctime) >= TimeUnit.SECONDS.toNanos(1)) {
      known.put(key, new Known(size, mtime, inode, ctime, sha));
      changed = true;
    } else if (was != null) {
      known.remove(key);
      changed = true;
    }
    return sha;
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
                  + k.ctimeNanos
                  + "\t"
                  + k.sha256
                  + "\t"
                  + e.getKey()
                  + "\n");
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
      String[] f = line.split("\t", 6);
      if (f.length != 6 || f[4].length() != 64) {
        continue; // a line cut short by a crash: its file is read again
      }
      try {
        known.put(
            f[5],
            new Known(
                Long.parseLong(f[0]),
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                f[4]));
      } catch (NumberFormatException e) {
        // as above
      }
    }
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }
}
