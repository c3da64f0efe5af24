package kiln.stages.studio.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;

/**
 * The studio benchmark behind bench/studio-overhead.sh (not a test): per-build overhead of a no-op
 * command in each studio kind, the same with the docker command line for comparison, and studio
 * image build time cold and cached. Prints a markdown table; medians in milliseconds.
 */
public final class StudioBench {

  static final BuildLimits LIMITS = new BuildLimits(Duration.ofMinutes(5), Duration.ofMinutes(5));

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path work = Files.createTempDirectory("kiln-bench-");
    Path tools = TestTools.tarball();
    DockerStudio docker = DockerStudio.connect(StudioOwner.current(work));
    StudioSpec spec =
        new StudioSpec(
            StudioType.STAGE1, Optional.of(tools), List.of(), List.of(), Map.of(), false);
    String image = docker.imageFor(spec);

    System.out.println("| what | median ms | runs |");
    System.out.println("|---|---|---|");
    row(
        "docker studio: no-op command (`/tools/bin/true`), kiln",
        runs,
        () -> noop(docker, spec, work));
    row(
        "docker studio: same with `docker run --rm --network none` (CLI)",
        runs,
        () -> cli("docker", "run", "--rm", "--network", "none", image, "/tools/bin/true"));
    for (Studio other : otherStudios(work)) {
      row(
          other.kind() + " studio: no-op command (`/tools/bin/true`), kiln",
          runs,
          () -> noop(other, spec, work));
    }
    row("stage1 image, cached (tarball hashed and image found)", runs, () -> cached(tools, work));
    int coldRuns = Math.min(runs, 5);
    java.util.Deque<Path> fresh = new java.util.ArrayDeque<>();
    for (int i = 0; i <= coldRuns; i++) {
      fresh.add(TestTools.variant(work)); // made before timing: packing is not the studio's cost
    }
    row(
        "stage1 image, cold (new tarball: hash, verify, list, build)",
        coldRuns,
        () -> cold(fresh.pop(), work));
  }

  /** The other studio kind, to compare with. */
  static List<Studio> otherStudios(Path work) {
    return List.of(new kiln.stages.studio.ChrootStudio(work.resolve("chroot-cache")));
  }

  static void noop(Studio studio, StudioSpec spec, Path work) throws Exception {
    if (!studio
        .run(spec, List.of("/tools/bin/true"), work.resolve("noop.log"), LIMITS)
        .succeeded()) {
      throw new IllegalStateException("no-op build failed in " + studio.kind());
    }
  }

  static void cached(Path tools, Path work) throws Exception {
    // A fresh DockerStudio each time: the tarball is hashed again, as in a new kiln run.
    DockerStudio fresh = DockerStudio.connect(StudioOwner.current(work));
    fresh.imageFor(
        new StudioSpec(
            StudioType.STAGE1, Optional.of(tools), List.of(), List.of(), Map.of(), false));
  }

  static void cold(Path tarball, Path work) throws Exception {
    DockerStudio fresh = DockerStudio.connect(StudioOwner.current(work));
    StudioSpec spec =
        new StudioSpec(
            StudioType.STAGE1, Optional.of(tarball), List.of(), List.of(), Map.of(), false);
    String tag = fresh.imageFor(spec);
    cli("docker", "rmi", tag);
  }

  static void cli(String... argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.getErrorStream().transferTo(OutputStream.nullOutputStream());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", argv) + " failed");
    }
  }

  interface Step {
    void run() throws Exception;
  }

  static void row(String what, int runs, Step step) throws Exception {
    step.run(); // warm-up
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      step.run();
      ms.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(ms);
    System.out.printf("| %s | %.1f | %d |%n", what, ms.get(ms.size() / 2), runs);
  }
}
