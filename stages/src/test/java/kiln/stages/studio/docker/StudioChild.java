package kiln.stages.studio.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;

/**
 * A kiln stand-in for crash tests, run in its own JVM: starts a long build in a stage1 studio made
 * from {@code args[1]}, owned by work dir {@code args[0]}, and prints "ready" once it runs.
 */
public final class StudioChild {
  public static void main(String[] args) throws Exception {
    DockerStudio studio = DockerStudio.connect(StudioOwner.current(Path.of(args[0])));
    StudioSpec spec =
        new StudioSpec(
            StudioType.STAGE1,
            Optional.of(Path.of(args[1])),
            List.of(),
            List.of(),
            Map.of("PATH", "/bin:/tools/bin"),
            false);
    studio.run(
        spec,
        List.of("/bin/sh", "-c", "echo ready; sleep 600"),
        System.out,
        new BuildLimits(Duration.ofMinutes(15), Duration.ofMinutes(15)),
        kiln.stages.studio.OutputReceiver.DISCARD);
  }
}
