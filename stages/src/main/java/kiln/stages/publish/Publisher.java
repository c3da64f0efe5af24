package kiln.stages.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.KeyName;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.SecretSigningKey;
import kiln.world.IoFailures;

/**
 * {@code kiln publish}: makes a new release of a repository from a stage's artifacts, atomically
 * (see {@link Releases}), and removes releases beyond those kept. Two publishes into one repository
 * never run at once: the second fails at once, naming the lock.
 */
public final class Publisher {

  private static final String LOCK = ".lock";

  private Publisher() {}

  /**
   * Publishes.
   *
   * @throws RepositoryException when the signing key is missing, a public key is missing, another
   *     publish holds the repository, or the repository cannot be written (the old release stays)
   */
  public static PublishResult publish(PublishRequest request) throws RepositoryException {
    Releases releases = new Releases(request.repository());
    SecretSigningKey signer = signingKey(request);
    ConsistentSet.Choice choice =
        ConsistentSet.choose(request.artifacts(), request.dependencyFolders(), request.keys());
    if (choice.packages().isEmpty()) {
      // an empty release would replace a good one: a stage with nothing built publishes nothing
      throw new RepositoryException(
          "nothing to publish into "
              + releases.repository()
              + ": "
              + (request.artifacts().isEmpty()
                  ? "the stage has no artifacts (run kiln bootstrap first)"
                  : "every artifact was left out: " + choice.leftOut()));
    }
    Set<KeyName> keys = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
    choice.packages().forEach(p -> keys.add(p.signer()));
    keys.add(signer.name());
    try {
      Files.createDirectories(releases.repository());
      try (FileChannel channel =
              FileChannel.open(
                  releases.repository().resolve(LOCK),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = lockOf(channel, releases.repository())) {
        releases.removeLeftovers();
        String name = releases.nextName();
        RepositoryIndex index = new RepositoryIndex(name, choice.packages(), List.copyOf(keys));
        Optional<RepositoryIndex> current = current(releases);
        if (current.isPresent() && current.get().sameContent(index)) {
          return new PublishResult(
              releases.latest().orElseThrow(), current.get(), false, choice.leftOut(), List.of());
        }
        Path building = releases.begin(name);
        fill(building, index, choice, request.keys(), signer);
        Path release = releases.commit(building, name);
        List<String> removed = releases.prune(request.keep());
        return new PublishResult(release, index, true, choice.leftOut(), removed);
      }
    } catch (IOException e) {
      throw new RepositoryException(
          IoFailures.message("cannot publish into " + releases.repository(), e)
              + " (the release published before is untouched)",
          e);
    }
  }

  /**
   * The {@code .hart} files of a results folder, sorted; none when the folder does not exist.
   *
   * @throws RepositoryException when the folder cannot be listed
   */
  public static List<Path> artifactsIn(Path folder) throws RepositoryException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".hart")).sorted().toList();
    } catch (IOException e) {
      throw new RepositoryException(IoFailures.message("cannot list " + folder, e), e);
    }
  }

  private static SecretSigningKey signingKey(PublishRequest request) throws RepositoryException {
    try {
      return request.keys().latestSigningKey(request.origin());
    } catch (ArtifactException e) {
      throw new RepositoryException("cannot sign the index: " + e.getMessage(), e);
    }
  }

  private static FileLock lockOf(FileChannel channel, Path repository)
      throws IOException, RepositoryException {
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock;
      }
    } catch (OverlappingFileLockException e) {
      // held by this JVM: the same answer
    }
    throw new RepositoryException(
        "another kiln publish is writing "
            + repository
            + " (it holds "
            + repository.resolve(LOCK)
            + "): wait for it to finish");
  }

  /** The index {@code latest} points to, read without checking (only to compare contents). */
  private static Optional<RepositoryIndex> current(Releases releases) {
    try {
      Optional<Path> latest = releases.latest();
      if (latest.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          IndexJson.read(Hart.open(latest.get().resolve(SignedIndex.FILE)).payloadText()));
    } catch (IOException | ArtifactException | IllegalArgumentException e) {
      return Optional.empty(); // unreadable: publish anew
    }
  }

  private static void fill(
      Path building,
      RepositoryIndex index,
      ConsistentSet.Choice choice,
      OriginKeys originKeys,
      SecretSigningKey signer)
      throws IOException, RepositoryException {
    Path artifacts = Files.createDirectory(building.resolve(IndexEntry.ARTIFACTS));
    for (IndexEntry entry : index.packages()) {
      place(choice.sources().get(entry.ident()), artifacts.resolve(entry.fileName()));
    }
    Path keyDir = Files.createDirectory(building.resolve("keys"));
    for (KeyName key : index.keys()) {
      Path from = originKeys.directory().resolve(key.publicFileName());
      if (!Files.isRegularFile(from)) {
        throw new RepositoryException(
            "no public key "
                + key.publicFileName()
                + " in "
                + originKeys.directory()
                + ": the release must carry it; import it with 'kiln origin key import'");
      }
      Files.copy(from, keyDir.resolve(key.publicFileName()));
    }
    Files.write(building.resolve(SignedIndex.FILE), SignedIndex.sign(index, signer));
  }

  /**
   * A hard link when the repository is on the artifact's file system (artifacts are written once
   * and renamed into place, never changed), else a copy.
   */
  private static void place(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }
}
