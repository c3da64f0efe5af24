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
 * command and of a whole no-op plan build in each studio kind, the no-op command with the docker
 * command line for comparison, and studio image build time cold and cached. Prints a markdown
 * table; medians in milliseconds.
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
    // A whole no-op plan build as kiln build runs it (facts pass, resolve, build pass, pack,
    // sign, publish): the per-build overhead the goal (docker < 400 ms, chroot < 50 ms) is about.
    // The plan build program needs more than the small tarball's few commands: the demo tools.
    Path planTools = kiln.stages.build.TestTools.tarball();
    Path plan = noopPlan(work);
    for (Studio studio : List.of(docker, otherStudios(work).get(0))) {
      kiln.stages.build.PlanBuilder builder = planBuilder(studio, work);
      row(
          studio.kind()
              + " studio: whole no-op plan build (facts pass in "
              + kiln.stages.studio.choice.StudioChoice.forFacts(
                      studio, work, kiln.stages.studio.ChrootStudio::works)
                  .kind()
              + "), kiln",
          runs,
          () ->
              builder.build(
                  kiln.stages.build.BuildRequest.builder(
                          plan, kiln.stages.build.StudioBase.tools(planTools), work.resolve("r"))
                      .build()));
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

  /** A plan whose callbacks do nothing: what remains is kiln's own cost per build. */
  static Path noopPlan(Path work) throws IOException {
    Path plan = Files.createDirectories(work.resolve("noop-plan"));
    Files.writeString(
        plan.resolve("plan.sh"),
        """
        pkg_name=noop
        pkg_origin=bench
        pkg_version=1.0
        pkg_source=nothing-to-download
        do_download() { return 0; }
        do_verify() { return 0; }
        do_unpack() { return 0; }
        do_build() { return 0; }
        do_install() { return 0; }
        do_strip() { return 0; }
        """);
    return plan;
  }

  /** The plan builder kiln build makes for this studio, with its own home and a bench key. */
  static kiln.stages.build.PlanBuilder planBuilder(Studio studio, Path work) throws Exception {
    Path keys = work.resolve("keys");
    kiln.stages.artifact.OriginKeys originKeys = kiln.stages.artifact.OriginKeys.in(keys);
    try {
      originKeys.latestSigningKey("bench");
    } catch (kiln.stages.artifact.ArtifactException missing) {
      Files.createDirectories(keys);
      originKeys.generate("bench");
    }
    return kiln.stages.build.PlanBuilder.standard(
        studio,
        new kiln.stages.build.KilnHome(work.resolve("home-" + studio.kind())),
        keys,
        Map.of(),
        java.time.Clock.systemUTC());
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
