package kiln.stages.studio.docker;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioInput;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;
import kiln.stages.studio.TreeTar;
import kiln.world.PackageIdent;

/**
 * The inputs benchmark behind bench/studio-inputs.sh (not a test): one build's studio with a plan,
 * the program, a package of SIZE MB and a source, run to its end with its output read back, with
 * the inputs bind-mounted (the main engine) or copied through the API (an extra engine named by
 * KILN_TEST_ENGINES): the package's first send, then runs that find it there. Medians in ms.
 */
public final class InputsBench {

  private static final BuildLimits LIMITS =
      new BuildLimits(Duration.ofMinutes(5), Duration.ofMinutes(5));

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    int megabytes = Integer.parseInt(args[1]);
    String engine = args[2];
    Path work = Files.createTempDirectory("kiln-bench-");
    DockerStudio mount = DockerStudio.connect(StudioOwner.current(work));
    DockerStudio copy =
        DockerStudio.connect(
            StudioOwner.current(work), new DockerEndpoint(engine), DockerStudio.Inputs.COPY);
    StudioSpec spec = spec(work, megabytes);
    List<String> command = List.of("/bin/bash", "-c", "echo built > /kiln/out/result");
    mount.imageFor(spec);
    copy.imageFor(spec);
    System.out.println("| what | median ms | runs |");
    System.out.println("|---|---|---|");
    System.out.printf(
        "| copied, first run (the %d MB package sent) | %d | 1 |%n",
        megabytes, time(copy, spec, command));
    System.out.printf(
        "| copied, package already there | %d | %d |%n", median(copy, spec, command, runs), runs);
    System.out.printf("| bind mounts | %d | %d |%n", median(mount, spec, command, runs), runs);
  }

  private static StudioSpec spec(Path work, int megabytes) throws Exception {
    Path plan = Files.createDirectories(work.resolve("plan"));
    Files.writeString(plan.resolve("plan.sh"), "pkg_name=bench\n");
    Path pkg = Files.createDirectories(work.resolve("pkgs/bench/dep/1.0/20260101000000"));
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(System.nanoTime());
    try (OutputStream out = Files.newOutputStream(pkg.resolve("blob"))) {
      for (int i = 0; i < megabytes; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    Path source = Files.writeString(work.resolve("src.tar"), "source");
    return new StudioSpec(
        StudioType.STAGE1,
        Optional.of(TestTools.tarball()),
        List.of(),
        List.of(
            new StudioInput.Plan(plan),
            new StudioInput.Program(Map.of("build.sh", "true\n".getBytes())),
            new StudioInput.InstalledPackage(
                pkg, PackageIdent.parse("bench/dep/1.0/20260101000000")),
            new StudioInput.SourceFile(source, "src.tar")),
        Map.of("PATH", "/bin:/tools/bin"),
        false,
        Optional.of("/kiln/out"));
  }

  private static long median(DockerStudio studio, StudioSpec spec, List<String> command, int runs)
      throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      times.add(time(studio, spec, command));
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }

  private static long time(DockerStudio studio, StudioSpec spec, List<String> command)
      throws Exception {
    Path out = Files.createTempDirectory("kiln-bench-out-");
    long start = System.nanoTime();
    var run =
        studio.run(
            spec,
            command,
            OutputStream.nullOutputStream(),
            LIMITS,
            tar -> TreeTar.unpack(tar, out));
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (!run.succeeded()) {
      throw new IllegalStateException("the benchmark's build failed");
    }
    return ms;
  }
}
