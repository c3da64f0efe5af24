package kiln.stages.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import kiln.world.PackageIdent;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks an artifact payload (xz tar) below a fresh directory, refusing anything that could write
 * outside the package's own prefix: absolute names, {@code ..}, entries outside one {@code
 * hab/pkgs/o/n/v/r}, writing through symbolic links, links that point out of {@code /hab}, hard
 * links out of the package, devices and fifos. Modes (without set-id bits) and mtimes are kept;
 * owners are not (the store belongs to whoever runs kiln).
 *
 * <p>Kept small on purpose: a generic safe tar extractor may replace it.
 */
final class HartUnpacker {

  private static final int PREFIX_DEPTH = 6;

  private final Path root;
  private final String source;
  private String[] prefix;
  private final List<TarArchiveEntry> directories = new ArrayList<>();

  private HartUnpacker(Path root, String source) {
    this.root = root.toAbsolutePath().normalize();
    this.source = source;
  }

  /**
   * Unpacks a payload below {@code root} (an empty directory).
   *
   * @param source names the artifact in error messages
   * @return the package the entries belong to, from their {@code hab/pkgs/o/n/v/r} prefix
   */
  static PackageIdent unpack(InputStream xzPayload, Path root, String source)
      throws IOException, StoreException {
    HartUnpacker unpacker = new HartUnpacker(root, source);
    TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(xzPayload));
    for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
      unpacker.extract(entry, tar);
    }
    return unpacker.finish();
  }

  private void extract(TarArchiveEntry entry, InputStream content)
      throws IOException, StoreException {
    String[] parts = parts(entry.getName());
    if (parts.length < PREFIX_DEPTH) {
      requireAncestor(entry, parts);
      return;
    }
    requirePrefix(entry, parts);
    Path target = root.resolve(String.join("/", parts));
    requireRealParents(entry, target);
    if (entry.isDirectory()) {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(target);
      }
      directories.add(entry);
    } else if (entry.isSymbolicLink()) {
      requireLinkInside(entry, parts);
      Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
      setTime(target, entry);
    } else if (entry.isLink()) {
      Files.createLink(target, hardLinkTarget(entry));
    } else if (isRegularFile(entry)) {
      Files.copy(content, target);
      Files.setPosixFilePermissions(target, permissions(entry.getMode()));
      setTime(target, entry);
    } else {
      throw refuse(entry, "it is a device, fifo or other special file");
    }
  }

  /** Commons Compress calls devices and fifos files too; only these type flags are files. */
  static boolean isRegularFile(TarArchiveEntry entry) {
    byte type = entry.getLinkFlag();
    return !entry.isDirectory()
        && (type == TarConstants.LF_NORMAL
            || type == TarConstants.LF_OLDNORM
            || type == TarConstants.LF_CONTIG);
  }

  private PackageIdent finish() throws IOException, StoreException {
    if (prefix == null) {
      throw new StoreException(source + ": the payload holds no hab/pkgs/o/n/v/r package");
    }
    // Deepest first, so a read-only directory is made read-only after its children are in.
    for (int i = directories.size() - 1; i >= 0; i--) {
      TarArchiveEntry entry = directories.get(i);
      Path dir = root.resolve(String.join("/", parts(entry.getName())));
      Files.setPosixFilePermissions(dir, permissions(entry.getMode()));
      setTime(dir, entry);
    }
    return new PackageIdent(prefix[2], prefix[3], prefix[4], prefix[5]);
  }

  private String[] parts(String name) throws StoreException {
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    if (trimmed.startsWith("/") || trimmed.isEmpty()) {
      throw new StoreException(source + ": refusing entry '" + name + "': absolute or empty path");
    }
    String[] parts = trimmed.split("/", -1);
    for (String part : parts) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new StoreException(
            source + ": refusing entry '" + name + "': '" + part + "' in path");
      }
    }
    return parts;
  }

  private void requireAncestor(TarArchiveEntry entry, String[] parts) throws StoreException {
    boolean underHabPkgs = parts[0].equals("hab") && (parts.length < 2 || parts[1].equals("pkgs"));
    if (!entry.isDirectory() || !underHabPkgs) {
      throw refuse(entry, "outside hab/pkgs/origin/name/version/release");
    }
  }

  private void requirePrefix(TarArchiveEntry entry, String[] parts) throws StoreException {
    if (prefix == null) {
      if (!parts[0].equals("hab") || !parts[1].equals("pkgs")) {
        throw refuse(entry, "outside hab/pkgs/origin/name/version/release");
      }
      try {
        new PackageIdent(parts[2], parts[3], parts[4], parts[5]);
      } catch (IllegalArgumentException e) {
        throw refuse(entry, e.getMessage(), e);
      }
      prefix = java.util.Arrays.copyOf(parts, PREFIX_DEPTH);
      return;
    }
    for (int i = 0; i < PREFIX_DEPTH; i++) {
      if (!parts[i].equals(prefix[i])) {
        throw refuse(entry, "outside the package's prefix " + String.join("/", prefix));
      }
    }
  }

  /**
   * Every directory on the way must be a real one: never write through a link. Checked from the top
   * down, so each check sees real directories above it (a link further up would otherwise be
   * followed silently).
   */
  private void requireRealParents(TarArchiveEntry entry, Path target)
      throws IOException, StoreException {
    Path dir = root;
    for (Path part : root.relativize(target.getParent())) {
      dir = dir.resolve(part);
      if (Files.isSymbolicLink(dir)) {
        throw refuse(
            entry, "it would be written through the symbolic link " + root.relativize(dir));
      }
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(dir);
      } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw refuse(entry, root.relativize(dir) + " is not a directory");
      }
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !entry.isDirectory()) {
      throw refuse(entry, "it appears twice");
    }
    if (Files.isSymbolicLink(target)) {
      throw refuse(entry, "a symbolic link of that name is already there");
    }
  }

  /** A link must point into /hab once the package sits at /hab/pkgs/... in a studio. */
  private void requireLinkInside(TarArchiveEntry entry, String[] parts) throws StoreException {
    String link = entry.getLinkName();
    Path where = Path.of("/" + String.join("/", parts)).getParent();
    Path resolved = where.resolve(link).normalize();
    if (link.isEmpty() || !resolved.startsWith("/hab/")) {
      throw refuse(entry, "its link target '" + link + "' points outside /hab");
    }
  }

  private Path hardLinkTarget(TarArchiveEntry entry) throws StoreException {
    String[] parts = parts(entry.getLinkName());
    if (parts.length <= PREFIX_DEPTH
        || !java.util.Arrays.equals(java.util.Arrays.copyOf(parts, PREFIX_DEPTH), prefix)) {
      throw refuse(
          entry, "its hard link target '" + entry.getLinkName() + "' is outside the package");
    }
    Path existing = root.resolve(String.join("/", parts));
    for (Path dir = existing.getParent(); !dir.equals(root); dir = dir.getParent()) {
      if (Files.isSymbolicLink(dir)) {
        throw refuse(
            entry, "its hard link target goes through the symbolic link " + root.relativize(dir));
      }
    }
    if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
      throw refuse(
          entry, "its hard link target '" + entry.getLinkName() + "' is not an earlier file");
    }
    return existing;
  }

  private StoreException refuse(TarArchiveEntry entry, String why) {
    return refuse(entry, why, null);
  }

  private StoreException refuse(TarArchiveEntry entry, String why, Throwable cause) {
    return new StoreException(source + ": refusing entry '" + entry.getName() + "': " + why, cause);
  }

  private static void setTime(Path path, TarArchiveEntry entry) throws IOException {
    FileTime time = FileTime.from(entry.getModTime().toInstant());
    Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(time, null, null);
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : PosixFilePermission.values()) {
      if ((mode & (0400 >> permission.ordinal())) != 0) {
        permissions.add(permission);
      }
    }
    return permissions;
  }
}
