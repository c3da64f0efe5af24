package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.OutputReceiver;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.docker.SharedDockerStudio;
import org.junit.jupiter.api.Test;

/**
 * A plan build as kiln makes it ({@link PlanBuilder#standard}) in the Docker studio costs one
 * container: the facts pass runs in the chroot studio (bubblewrap works on these hosts), only the
 * build pass in Docker.
 */
class DockerBuildOneContainerIT extends PlanBuildFixture {

  private final List<String> dockerRuns = new ArrayList<>();

  @Override
  protected Studio studio() throws Exception {
    Studio docker = SharedDockerStudio.get();
    return new Studio() {
      @Override
      public String kind() {
        return docker.kind();
      }

      @Override
      public StudioRun run(
          StudioSpec spec,
          List<String> command,
          OutputStream log,
          BuildLimits limits,
          OutputReceiver output)
          throws StudioException, InterruptedException {
        dockerRuns.add(String.join(" ", command));
        return docker.run(spec, command, log, limits, output);
      }
    };
  }

  @Test
  public void aDockerBuildRunsOnlyItsBuildPassInAContainer() throws Exception {
    PlanBuilder standard =
        PlanBuilder.standard(
            studio, new KilnHome(temp.resolve("home")), keys, Map.of(), Clock.systemUTC());

    BuildResult result =
        standard.build(
            request(plan("own-download", Map.of("SOURCE", "nothing-to-download"))).build());

    assertEquals("conformance/owndownload", result.ident().origin() + "/" + result.ident().name());
    assertEquals(1, dockerRuns.size(), dockerRuns.toString());
    assertEquals("/bin/bash /kiln/plan-build.sh build", dockerRuns.get(0));
  }
}
