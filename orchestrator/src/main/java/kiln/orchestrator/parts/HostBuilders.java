package kiln.orchestrator.parts;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kiln.orchestrator.BuildOutcome;
import kiln.orchestrator.BuildPlaces;
import kiln.orchestrator.BuilderException;
import kiln.orchestrator.EntryBuilder;
import kiln.orchestrator.farm.HostPool;
import kiln.resume.StageEntry;
import kiln.resume.StageName;

/**
 * A stage's builder over kiln.yaml's build hosts: each host's builds go through a stage builder of
 * its own, on that host's studio and the stage's one store, made when the host gets its first build
 * (a host down at the start costs nothing until it answers).
 */
final class HostBuilders implements EntryBuilder {

  /** Makes the stage builder of one host. */
  @FunctionalInterface
  interface PerHost {
    EntryBuilder builderOn(String host) throws BuilderException;
  }

  private final HostPool pool;
  private final PerHost perHost;
  private final Map<String, EntryBuilder> builders = new ConcurrentHashMap<>();

  HostBuilders(HostPool pool, PerHost perHost) {
    this.pool = pool;
    this.perHost = perHost;
  }

  @Override
  public BuildOutcome build(StageName stage, StageEntry entry, Path log) {
    throw new IllegalStateException("a build over several hosts is always placed on one");
  }

  @Override
  public EntryBuilder on(String host) {
    return (stage, entry, log) -> builder(host).build(stage, entry, log);
  }

  private EntryBuilder builder(String host) throws BuilderException {
    EntryBuilder made = builders.get(host);
    if (made == null) {
      synchronized (this) {
        made = builders.get(host);
        if (made == null) {
          made = perHost.builderOn(host);
          builders.put(host, made);
        }
      }
    }
    return made;
  }

  @Override
  public BuildPlaces places(int jobs, boolean ordered) {
    return pool.places(ordered);
  }
}
