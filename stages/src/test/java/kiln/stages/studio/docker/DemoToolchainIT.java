package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioInput.HostPath;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;
import kiln.toolchain.BuildTime;
import kiln.toolchain.BuiltTarball;
import kiln.toolchain.ToolchainSpec;
import kiln.toolchain.ToolsTarball;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled demo toolchain end to end, as its spec's comment tells a user: gather the host's
 * tools, build the tarball from examples/demo/tools.yaml, and use it in a stage1 Docker studio.
 */
class DemoToolchainIT {

  @TempDir Path temp;

  @Test
  void theDemoTarballMakesAStage1StudioWhereBashRunsAndCCompiles() throws Exception {
    Path root = repositoryRoot();
    // The spec as shipped, next to a freshly gathered tree at the path its base names.
    Path spec = Files.copy(root.resolve("examples/demo/tools.yaml"), temp.resolve("tools.yaml"));
    Path gathered = temp.resolve("toolchain/gathered");
    Process gather =
        new ProcessBuilder(
                "bash",
                root.resolve("examples/demo/toolchain/gather-host-tools.sh").toString(),
                gathered.toString())
            .redirectErrorStream(true)
            .start();
    String gatherLog = new String(gather.getInputStream().readAllBytes());
    assertEquals(0, gather.waitFor(), gatherLog);
    BuiltTarball tarball =
        // Reproducible: the same host gives the same tarball, so reruns reuse its studio image.
        new ToolsTarball(BuildTime.from(Clock.systemUTC(), Map.of("SOURCE_DATE_EPOCH", "0")), 2)
            .build(ToolchainSpec.read(spec), spec, Files.createDirectories(temp.resolve("out")));

    Path src = Files.createDirectories(temp.resolve("src"));
    Files.writeString(
        src.resolve("hello.c"),
        "#include <stdio.h>\nint main(void) { printf(\"hello from %s\\n\", \"tcc\"); return 3; }\n");
    StudioSpec studio =
        new StudioSpec(
            StudioType.STAGE1,
            Optional.of(tarball.path()),
            List.of(),
            List.of(new HostPath(src, "/src", true)),
            Map.of("PATH", "/bin:/tools/bin", "STUDIO_TYPE", "stage1", "HOME", "/root"),
            false);
    String script =
        "/tools/bin/bash -c 'echo bash $BASH_VERSION' | cut -d. -f1;"
            + " cc -o /tmp/hello hello.c && /tmp/hello; echo exit=$?";
    Path log = temp.resolve("build.log");

    StudioRun run =
        SharedDockerStudio.get()
            .run(
                studio,
                List.of("/bin/bash", "-c", script),
                log,
                new BuildLimits(Duration.ofMinutes(5), Duration.ofMinutes(2)));

    String out = Files.readString(log);
    assertTrue(run.succeeded(), out);
    assertTrue(out.matches("bash [0-9]+\nhello from tcc\nexit=3\n"), out);
  }

  static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(here.resolve("examples/demo"))) {
      here = here.getParent();
    }
    return here;
  }
}
