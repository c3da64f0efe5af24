package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;
import kiln.testing.TestEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiln prunes its own studio images that no live run uses, by itself, on an extra engine (never the
 * shared one): the images of a run that is gone go, those of live runs stay, and an image kiln did
 * not make is never touched.
 */
class StudioImagePruneIT {

  @TempDir Path tmp;

  private static StudioSpec stage1(Path tarball) {
    return new StudioSpec(
        StudioType.STAGE1, Optional.of(tarball), List.of(), List.of(), Map.of(), false);
  }

  /** An owner on this host whose process has ended: a kiln run that is gone. */
  private StudioOwner goneOwner() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    return new StudioOwner(
        "gone-" + UUID.randomUUID().toString().substring(0, 6),
        done.pid(),
        "",
        StudioOwner.hostName(),
        tmp);
  }

  @Test
  void buildingAStudioImageRemovesTheUnusedKilnImagesAndKeepsLiveRunsAndOthers() throws Exception {
    DockerEndpoint endpoint = new DockerEndpoint(TestEngines.endpoints(1).get(0).toString());
    Engine engine = Engine.connect(endpoint);
    String foreign = "not-kiln-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
    new ImageBuild(engine.client())
        .file("Dockerfile", "FROM scratch\nADD f /\n".getBytes(StandardCharsets.UTF_8))
        .file("f", "someone else's".getBytes(StandardCharsets.UTF_8))
        .build(foreign, Map.of("dev.kiln.image", "looks-like-kiln-but-has-no-tag-of-kiln"));
    // Two images of a run that is gone, one of a live parallel run.
    DockerStudio gone = DockerStudio.connect(goneOwner(), endpoint);
    String goneA = gone.imageFor(stage1(TestTools.variant(tmp)));
    String goneB = gone.imageFor(stage1(TestTools.variant(tmp)));
    DockerStudio parallel = DockerStudio.connect(StudioOwner.current(tmp), endpoint);
    String parallels = parallel.imageFor(stage1(TestTools.variant(tmp)));

    // This run starts (reaping the gone run's containers) and builds an image of its own.
    DockerStudio run = DockerStudio.connect(StudioOwner.current(tmp), endpoint);
    String mine = run.imageFor(stage1(TestTools.variant(tmp)));

    assertFalse(engine.imageId(goneA).isPresent(), goneA + " of a gone run is still there");
    assertFalse(engine.imageId(goneB).isPresent(), goneB + " of a gone run is still there");
    assertTrue(engine.imageId(parallels).isPresent(), "a live run's image was removed");
    assertTrue(engine.imageId(mine).isPresent(), "the run's own image was removed");
    assertTrue(engine.imageId(foreign).isPresent(), "an image kiln did not make was removed");
  }

  @Test
  void anImageRemovedMeanwhileIsBuiltAgainNotAFailedBuild() throws Exception {
    DockerEndpoint endpoint = new DockerEndpoint(TestEngines.endpoints(2).get(1).toString());
    Engine engine = Engine.connect(endpoint);
    DockerStudio studio = DockerStudio.connect(StudioOwner.current(tmp), endpoint);
    StudioSpec spec = stage1(TestTools.variant(tmp));
    String image = studio.imageFor(spec);
    // Another kiln's prune that did not know this run's mark: the mark and the image go.
    for (var mark : engine.containersLabelled(ImageHolds.HOLDS + "=" + image)) {
      engine.remove(mark.getId());
    }
    assertTrue(engine.removeImage(image));

    var run =
        studio.run(
            spec,
            List.of("/bin/bash", "-c", "echo again"),
            java.io.OutputStream.nullOutputStream(),
            new kiln.stages.studio.BuildLimits(
                java.time.Duration.ofMinutes(2), java.time.Duration.ofMinutes(1)),
            kiln.stages.studio.OutputReceiver.DISCARD);

    assertTrue(run.succeeded());
    assertTrue(engine.imageId(image).isPresent(), "the image was not built again");
  }
}
