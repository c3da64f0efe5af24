package kiln.stages.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import kiln.stages.artifact.OriginKeys;

/**
 * What to publish, and where.
 *
 * @param artifacts the stage's artifacts: every one is published unless it does not verify or needs
 *     a package that is missing
 * @param dependencyFolders earlier stages' results, where the packages the artifacts need are
 *     looked up by file name (only those needed are published)
 * @param repository the repository folder ({@code latest}, {@code releases/})
 * @param keys the origin keys: the public keys verify the artifacts, the origin's latest secret key
 *     signs the index
 * @param origin the origin whose key signs the index
 * @param keep how many releases besides the new one are kept for rollback
 */
public record PublishRequest(
    List<Path> artifacts,
    List<Path> dependencyFolders,
    Path repository,
    OriginKeys keys,
    String origin,
    int keep) {

  public PublishRequest {
    artifacts = List.copyOf(artifacts);
    dependencyFolders = List.copyOf(dependencyFolders);
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(origin, "origin");
    if (keep < 0) {
      throw new IllegalArgumentException("keep must be 0 or more, not " + keep);
    }
  }
}
