package kiln.orchestrator.parts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
 * whole run, one Docker studio per host (connected on the host's first build, under one owner, so
 * every container of the run carries the same run label on every engine), and per stage a {@link
 * HostBuilders} over them.
 */
final class FarmStudios {

  /** Makes a plan builder on a stage's store with builds in a given studio. */
  @FunctionalInterface
  interface PlanBuilders {
    PlanBuilder make(Studio studio, KilnHome home, KilnConfig config);
  }

  private final Consumer<String> notes;
  private final Map<String, Studio> studios = new ConcurrentHashMap<>();
  private HostPool pool;
  private EngineLinks links;
  private StudioOwner owner;

  FarmStudios(Consumer<String> notes) {
    this.notes = notes;
  }

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
      pool = new HostPool(config.hosts(), links, Clock.systemUTC(), notes);
      pool.startWatch();
      Runtime.getRuntime().addShutdownHook(new Thread(links::close, "kiln-close-tunnels"));
    }
    return pool;
  }

  private Studio studio(KilnConfig config, HostPool hosts, String host) throws BuilderException {
    Studio known = studios.get(host);
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
      Studio made = DockerStudio.connect(owner, endpoint, inputs);
      studios.put(host, made);
      return made;
    } catch (StudioException | java.io.IOException e) {
      throw new BuilderException("build host " + host + ": " + e.getMessage(), e);
    }
  }
}
