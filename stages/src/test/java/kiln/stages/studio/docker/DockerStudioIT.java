package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerStudioIT {

  static DockerStudio studio;
  static Path tools;
  static final BuildLimits LIMITS = new BuildLimits(Duration.ofMinutes(2), Duration.ofMinutes(1));

  @TempDir Path tmp;

  @BeforeAll
  static void connect(@TempDir Path work) throws Exception {
    studio = DockerStudio.connect(StudioOwner.current(work));
    tools = TestTools.tarball();
  }

  static StudioSpec stage1(List<StudioSpec.Mount> mounts, Map<String, String> env) {
    return new StudioSpec(StudioType.STAGE1, Optional.of(tools), List.of(), mounts, env, false);
  }

  @Test
  void runsACommandInAStage1Studio() throws Exception {
    Path log = tmp.resolve("build.log");
    StudioRun run =
        studio.run(
            stage1(List.of(), Map.of("FOO", "bar")),
            List.of("/bin/bash", "-c", "echo \"$STUDIO_TYPE $PATH $FOO\"; readlink /bin/sh; env"),
            log,
            LIMITS);
    String out = Files.readString(log);
    assertTrue(run.succeeded(), out);
    assertTrue(out.contains("stage1 /bin:/tools/bin bar"), out);
    assertTrue(out.contains("/tools/bin/bash"), out);
  }
}
