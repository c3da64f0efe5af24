package kiln.orchestrator.parts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import kiln.orchestrator.BuilderException;
import kiln.orchestrator.EntryBuilder;
import kiln.orchestrator.StageContext;
import kiln.orchestrator.StageException;
import kiln.orchestrator.config.KilnConfig;
import kiln.orchestrator.farm.EngineLinks;
import kiln.orchestrator.farm.HostPool;
import kiln.orchestrator.farm.HostSpec;
import kiln.stages.build.KilnHome;
import kiln.stages.build.PlanBuilder;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.docker.DockerEndpoint;
import kiln.stages.studio.docker.DockerStudio;
import kiln.stages.studio.docker.StudioOwner;
import kiln.world.PackageIdent;

/**
 * The build hosts of a run (kiln.yaml {@code hosts}): one {@link HostPool} with its watch for the
 * whole run, one Docker studio per host (connected when the pool is made, or on the host's first
 * build if it did not answer then, under one owner, so every container of the run carries the same
 * run label on every engine), and per stage a {@link HostBuilders} over them.
 */
final class FarmStudios {

  /** Makes a plan builder on a stage's store with builds in a given studio. */
  @FunctionalInterface
  interface PlanBuilders {
    PlanBuilder make(Studio studio, KilnHome home, KilnConfig config);
  }

  private final Map<String, DockerStudio> studios = new ConcurrentHashMap<>();
  private HostPool pool;
  private EngineLinks links;
  private StudioOwner owner;
  private Thread closeAtExit;

  /** The stage's builder over the hosts; the stage before's artifacts go into its store first. */
  EntryBuilder forStage(StageContext context, KilnHome home, PlanBuilders plans)
      throws StageException {
    KilnConfig config = context.config();
    HostPool hosts = pool(config);
    // installing touches no studio: the store is the orchestrator's, shared by every host
    PlanBuilder installer = plans.make(new ChrootStudio(home.tools()), home, config);
    List<PackageIdent> before =
        StudioBuilders.install(installer, context.previousArtifacts(), context);
    return new HostBuilders(
        hosts,
        host ->
            StudioBuilders.stageBuilder(
                plans.make(studio(config, hosts, host), home, config), context, before));
  }

  private synchronized HostPool pool(KilnConfig config) {
    if (pool == null) {
      links = new EngineLinks(config.work().resolve("tunnels"));
      owner = StudioOwner.current(config.work().toAbsolutePath());
      pool = new HostPool(config.hosts(), links, Clock.systemUTC());
      // off the watch's thread: an engine slow to remove must not delay the other hosts' pings
      pool.whenRejoined(host -> CompletableFuture.runAsync(() -> retryRemovals(host)));
      pool.startWatch();
      // a kiln stopped by a signal does not get to close(): its tunnels end at exit all the same
      closeAtExit = new Thread(links::close, "kiln-close-tunnels");
      Runtime.getRuntime().addShutdownHook(closeAtExit);
      connectEveryHost(config);
    }
    return pool;
  }

  /**
   * Connects every host's studio at the run's start. Connecting removes what killed kiln runs of
   * this machine left on that engine (their studios and image marks), which must not wait for the
   * host's first build: a resumed run may have no build for a host at all. A host that does not
   * answer now is connected on its first build instead (the watch tells if it stays lost).
   */
  private void connectEveryHost(KilnConfig config) {
    for (HostSpec host : pool.hosts()) {
      try {
        studio(config, pool, host.name());
      } catch (BuilderException e) {
        // left to the host's first build, which connects (and clears it) or reports the host
      }
    }
  }

  /**
   * Removes the containers left on {@code host} when it was lost under builds (their removal failed
   * while it did not answer).
   */
  private void retryRemovals(String host) {
    DockerStudio studio = studios.get(host);
    if (studio != null) {
      studio.retryRemovals();
    }
  }

  /**
   * Ends the watch, removes what lost hosts left on those that answer now, and closes the tunnels
   * (at the end of the run). What a host still lost keeps is removed at exit if it answers by then,
   * else at the next kiln start on this machine.
   */
  synchronized void close() {
    if (pool == null) {
      return;
    }
    pool.close();
    for (HostPool.HostStanding standing : pool.standings()) {
      if (standing.state().equals("up")) {
        retryRemovals(standing.host().name());
      }
    }
    links.close();
    try {
      Runtime.getRuntime().removeShutdownHook(closeAtExit);
    } catch (IllegalStateException exiting) {
      // the JVM is exiting: the hook closes the (already closed) links again, harmlessly
    }
    pool = null;
  }

  private Studio studio(KilnConfig config, HostPool hosts, String host) throws BuilderException {
    DockerStudio known = studios.get(host);
    if (known != null) {
      return known;
    }
    HostSpec spec =
        hosts.hosts().stream().filter(h -> h.name().equals(host)).findFirst().orElseThrow();
    try {
      DockerEndpoint endpoint = links.endpoint(spec);
      // this machine's own engine shares its disk: bind mounts; any other engine may not
      DockerStudio.Inputs inputs =
          endpoint.host().equals(DockerEndpoint.DEFAULT_HOST)
              ? DockerStudio.Inputs.MOUNT
              : DockerStudio.Inputs.COPY;
      DockerStudio made = DockerStudio.connect(owner, endpoint, inputs);
      studios.put(host, made);
      return made;
    } catch (StudioException | java.io.IOException e) {
      throw new BuilderException("build host " + host + ": " + e.getMessage(), e);
    }
  }
}
