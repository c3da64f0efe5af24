package kiln.stages.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kiln.stages.store.Trees;

/**
 * A repository folder's releases: {@code releases/NNNNNN/} each complete, {@code latest} a relative
 * symbolic link to one of them. A release is built under a hidden name, renamed into {@code
 * releases/}, and then {@code latest} is replaced by renaming a new link over it: one rename, so a
 * reader (or a crash) sees the old release or the new one. Hidden names ({@code .building-}, {@code
 * .deleting-}, {@code .latest-}) are what a killed publish leaves; the next one removes them.
 */
final class Releases {

  static final String LATEST = "latest";
  static final String RELEASES = "releases";

  private final Path repository;
  private final Path releases;

  Releases(Path repository) {
    this.repository = repository.toAbsolutePath().normalize();
    this.releases = this.repository.resolve(RELEASES);
  }

  Path repository() {
    return repository;
  }

  /** The release {@code latest} points to, if there is one. */
  Optional<Path> latest() throws IOException {
    Path link = repository.resolve(LATEST);
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    return Optional.of(repository.resolve(Files.readSymbolicLink(link)).normalize());
  }

  /** The published releases' names, oldest first. */
  List<String> names() throws IOException {
    if (!Files.isDirectory(releases)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(releases)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("[0-9]+"))
          .sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)))
          .toList();
    }
  }

  /** The next release's name: one more than the highest there is, six digits at least. */
  String nextName() throws IOException {
    List<String> names = names();
    long last = names.isEmpty() ? 0 : Long.parseLong(names.get(names.size() - 1));
    return String.format("%06d", last + 1);
  }

  /** Makes a fresh hidden folder to build a release in. */
  Path begin(String name) throws IOException {
    Files.createDirectories(releases);
    Path building = releases.resolve(".building-" + name);
    Files.createDirectory(building);
    return building;
  }

  /**
   * Publishes a built release: renames it to its name, then swings {@code latest} to it.
   *
   * @return the release's folder
   */
  Path commit(Path building, String name) throws IOException {
    syncTree(building);
    Path release = releases.resolve(name);
    Files.move(building, release, StandardCopyOption.ATOMIC_MOVE);
    syncDir(releases);
    Path link = repository.resolve(".latest-" + name);
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, repository.relativize(release));
    Files.move(link, repository.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE);
    syncDir(repository);
    return release;
  }

  /**
   * Removes all but the newest {@code keep} releases besides the one {@code latest} points to (a
   * release a killed publish renamed into place but never linked counts as one of them). A release
   * is renamed to a hidden name first, so a half-removed one is never seen by its name.
   *
   * @return the removed releases' names
   */
  List<String> prune(int keep) throws IOException {
    Optional<Path> current = latest();
    List<String> others = new ArrayList<>();
    for (String name : names()) {
      if (current.isEmpty() || !current.get().getFileName().toString().equals(name)) {
        others.add(name);
      }
    }
    List<String> removed = others.subList(0, Math.max(0, others.size() - keep));
    for (String name : removed) {
      Path hidden = releases.resolve(".deleting-" + name);
      Files.move(releases.resolve(name), hidden, StandardCopyOption.ATOMIC_MOVE);
      Trees.deleteQuietly(hidden); // a leftover is removed next time
    }
    return List.copyOf(removed);
  }

  /** Removes what a killed publish left behind: hidden folders and links. */
  void removeLeftovers() throws IOException {
    if (!Files.isDirectory(releases)) {
      return;
    }
    try (Stream<Path> list = Files.list(releases)) {
      for (Path p : list.filter(p -> p.getFileName().toString().startsWith(".")).toList()) {
        Trees.deleteQuietly(p);
      }
    }
    try (Stream<Path> list = Files.list(repository)) {
      for (Path p : list.filter(p -> p.getFileName().toString().startsWith(".latest-")).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static void syncDir(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Flushes every file and folder of a tree to disk, so a machine crash keeps it whole. */
  private static void syncTree(Path tree) throws IOException {
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (!Files.isSymbolicLink(path)) {
          try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
          }
        }
      }
    }
  }
}
