package kiln.stages.publish;

import java.util.List;
import kiln.world.PackageIdent;

/**
 * What {@link RepositoryClient#fetch} did.
 *
 * @param release the release the packages came from
 * @param installed the packages installed now, dependencies first
 * @param present the packages that were installed already
 */
public record FetchResult(
    String release, List<PackageIdent> installed, List<PackageIdent> present) {

  public FetchResult {
    installed = List.copyOf(installed);
    present = List.copyOf(present);
  }
}
