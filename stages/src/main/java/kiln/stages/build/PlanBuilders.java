package kiln.stages.build;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.store.PackageStore;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;
import kiln.stages.studio.choice.StudioChoice;

/** The plan builder as kiln runs it: the package store, origin keys and caches of a kiln home. */
public final class PlanBuilders {
  private PlanBuilders() {}

  /**
   * A plan builder on a kiln home's store and caches, signing with the keys of a directory. The
   * facts pass runs in the chroot studio when bubblewrap works ({@link StudioChoice#forFacts}).
   *
   * @param studio where plans run
   * @param home the store, source cache, tools cache and scratch space
   * @param keysDir the origin keys: secret keys sign, public keys verify {@code --install} harts
   * @param environment where SOURCE_DATE_EPOCH is read from
   * @param clock the source of release timestamps
   */
  public static PlanBuilder standard(
      Studio studio, KilnHome home, Path keysDir, Map<String, String> environment, Clock clock) {
    OriginKeys keys = OriginKeys.in(keysDir);
    return new PlanBuilder(
        studio,
        StudioChoice.forFacts(studio, home.tools(), ChrootStudio::works),
        new StoreDependencies(new PackageStore(home.store()), keys),
        new OriginSigner(keys, environment),
        new SourceCache(home.sources()),
        home.work(),
        clock);
  }
}
