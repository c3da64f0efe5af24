package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.OutputReceiver;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioInventory.LeftStudio;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Docker studio on a given engine, and a run's containers removed by their label. */
class DockerEndpointIT {

  private static final BuildLimits LIMITS =
      new BuildLimits(Duration.ofMinutes(2), Duration.ofMinutes(1));

  @TempDir Path tmp;

  private static StudioSpec stage1() throws Exception {
    return new StudioSpec(
        StudioType.STAGE1,
        Optional.of(TestTools.tarball()),
        List.of(),
        List.of(),
        Map.of("PATH", "/bin:/tools/bin"),
        false);
  }

  @Test
  void aStudioTalksOnlyToTheEngineItWasGiven() throws Exception {
    try (SocketProxy proxy =
        SocketProxy.to(Path.of("/var/run/docker.sock"), tmp.resolve("engine.sock"))) {
      DockerEndpoint endpoint = new DockerEndpoint("unix://" + proxy.path());
      DockerStudio studio = DockerStudio.connect(StudioOwner.current(tmp), endpoint);
      int before = proxy.connections();
      ByteArrayOutputStream log = new ByteArrayOutputStream();

      StudioRun run =
          studio.run(
              stage1(),
              List.of("/bin/bash", "-c", "echo through $STUDIO_TYPE${PATH:+ the given engine}"),
              log,
              LIMITS,
              OutputReceiver.DISCARD);

      assertTrue(run.succeeded(), log.toString(StandardCharsets.UTF_8));
      assertEquals("through the given engine\n", log.toString(StandardCharsets.UTF_8));
      assertTrue(proxy.connections() > before, "the run did not go through " + endpoint);
    }
  }

  @Test
  void anEngineThatDoesNotAnswerIsAnErrorNamingItAndNoOtherEngineIsUsed() {
    DockerEndpoint dead = new DockerEndpoint("unix://" + tmp.resolve("no-engine.sock"));
    long start = System.nanoTime();

    StudioException e =
        assertThrows(
            StudioException.class, () -> DockerStudio.connect(StudioOwner.current(tmp), dead));

    assertTrue(e.getMessage().contains(dead.host()), e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
  }

  @Test
  void aRunsStudiosAreRemovedByItsLabelAloneWhateverHostItRanOn() throws Exception {
    DockerStudio studio = SharedDockerStudio.get();
    Engine engine = Engine.connect(DockerEndpoint.fromEnvironment());
    String image = studio.imageFor(stage1());
    String run = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
    String other = run + "-other";
    List<String> ofRun = List.of(create(engine, image, run), create(engine, image, run));
    String ofOther = create(engine, image, other);
    DockerInventory inventory = studio.inventory();
    try {
      // Their kiln ran on another host: no pid here can say it is gone.
      List<LeftStudio> listed =
          inventory.studios().stream().filter(s -> s.runId().startsWith(run)).toList();
      assertEquals(3, listed.size(), listed.toString());
      assertFalse(listed.stream().anyMatch(LeftStudio::ownerGone), listed.toString());

      List<String> removed = inventory.removeRun(run);

      assertEquals(2, removed.size(), removed.toString());
      assertEquals(List.of(), Containers.labelled(StudioOwner.RUN, run));
      assertEquals(1, Containers.labelled(StudioOwner.RUN, other).size());
      assertTrue(ofRun.stream().noneMatch(id -> engine.remove(id)));
    } finally {
      engine.remove(ofOther);
    }
  }

  /** A studio container of a kiln run on another host, created but never started. */
  private static String create(Engine engine, String image, String run) {
    return engine
        .client()
        .createContainerCmd(image)
        .withCmd("/bin/bash")
        .withLabels(
            Map.of(
                StudioOwner.RUN,
                run,
                StudioOwner.HOST,
                "build-host-elsewhere",
                StudioOwner.PID,
                "1",
                StudioImages.IMAGE,
                image))
        .exec()
        .getId();
  }
}
