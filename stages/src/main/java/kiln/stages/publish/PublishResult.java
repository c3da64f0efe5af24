package kiln.stages.publish;

import java.nio.file.Path;
import java.util.List;

/**
 * What a publish did.
 *
 * @param release the release {@code latest} now points to
 * @param index its index
 * @param changed false when the repository already held exactly these packages and keys: nothing
 *     was published
 * @param leftOut the packages left out, each with the reason
 * @param removed the old releases removed (beyond {@code keep})
 */
public record PublishResult(
    Path release,
    RepositoryIndex index,
    boolean changed,
    List<LeftOut> leftOut,
    List<String> removed) {

  public PublishResult {
    leftOut = List.copyOf(leftOut);
    removed = List.copyOf(removed);
  }
}
