import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.build.BuildRequest;
import kiln.stages.build.BuildResult;
import kiln.stages.build.KilnHome;
import kiln.stages.build.PlanBuilder;
import kiln.stages.build.StudioBase;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioSpec;

/**
 * Studio setup + teardown and the per-plan overhead of a no-op plan, with 0 and 500 packages in
 * the store. Run by bench/plan-build-overhead.sh: java -cp kiln.jar PlanBuildBench.java WORK TOOLS
 */
public class PlanBuildBench {

  static final int STUDIO_RUNS = 40;
  static final int BUILD_RUNS = 15;

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]).toAbsolutePath();
    Path tarball = Path.of(args[1]).toAbsolutePath();
    KilnHome home = new KilnHome(work.resolve("home"));
    Studio studio = new ChrootStudio(home.tools());
    StudioSpec spec =
        new StudioSpec(
            StudioSpec.StudioType.STAGE1,
            Optional.of(tarball),
            List.of(),
            List.of(),
            Map.of("PATH", "/bin:/tools/bin"),
            false);
    Path log = work.resolve("studio.log");
    // Warm up: unpacks the tarball into the tools cache once, and warms the JIT.
    for (int i = 0; i < 5; i++) {
      studio.run(spec, List.of("/tools/bin/true"), log, BuildLimits.defaults());
    }
    double studioMs = median(STUDIO_RUNS, () -> studio.run(spec, List.of("/tools/bin/true"), log, BuildLimits.defaults()));
    Path tools = Files.list(home.tools()).filter(Files::isDirectory).findFirst().orElseThrow().resolve("tools");
    double bwrapMs =
        median(
            STUDIO_RUNS,
            () ->
                exec(
                    "bwrap", "--unshare-all", "--die-with-parent", "--proc", "/proc", "--dev", "/dev",
                    "--tmpfs", "/tmp", "--ro-bind", tools.toString(), "/tools", "/tools/bin/true"));
    double dockerMs = dockerRun(work);

    Path keys = work.resolve("keys");
    OriginKeys.in(keys).generate("bench");
    Path plan = noOpPlan(work);
    PlanBuilder builder = PlanBuilder.standard(studio, home, keys, Map.of(), Clock.systemUTC());
    BuildRequest request =
        BuildRequest.builder(plan, StudioBase.tools(tarball), work.resolve("results"))
            .limits(new BuildLimits(Duration.ofMinutes(5), Duration.ofMinutes(5)))
            .build();
    for (int i = 0; i < 3; i++) {
      builder.build(request);
    }
    Map<String, List<Double>> emptyPhases = new java.util.TreeMap<>();
    double empty = median(BUILD_RUNS, () -> record(emptyPhases, builder.build(request)));
    fillStore(home.store(), 500);
    Map<String, List<Double>> fullPhases = new java.util.TreeMap<>();
    double full = median(BUILD_RUNS, () -> record(fullPhases, builder.build(request)));

    System.out.printf("| studio setup + run of /tools/bin/true + teardown (ChrootStudio) | %.1f ms |%n", studioMs);
    System.out.printf("| the same with bare bwrap (floor) | %.1f ms |%n", bwrapMs);
    System.out.printf("| `docker run --rm --network none` of a busybox image | %s |%n", dockerMs < 0 ? "n/a (no engine)" : String.format("%.1f ms", dockerMs));
    System.out.printf("| no-op plan, whole build (2 studio passes, resolve, FILES, pack, sign, publish), 0 packages in store | %.1f ms |%n", empty);
    System.out.printf("| no-op plan, whole build, 500 packages in store | %.1f ms |%n", full);
    for (String phase :
        List.of(
            BuildResult.FACTS_PASS,
            BuildResult.RESOLVE,
            BuildResult.BUILD_PASS,
            BuildResult.PACK,
            BuildResult.PUBLISH)) {
      System.out.printf(
          "| no-op plan, phase '%s': 0 / 500 packages in store | %.1f ms / %.1f ms |%n",
          phase, median(emptyPhases.get(phase)), median(fullPhases.get(phase)));
    }
    if (dockerMs > 0) {
      System.out.printf("| ratio docker run / ChrootStudio run | %.1fx |%n", dockerMs / studioMs);
    }
  }

  static void record(Map<String, List<Double>> phases, BuildResult result) {
    result.phases().forEach((phase, time) -> phases.computeIfAbsent(phase, p -> new ArrayList<>()).add(time.toNanos() / 1e6));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  interface Step {
    void run() throws Exception;
  }

  static double median(int runs, Step step) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      step.run();
      times.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(times);
    return times.get(runs / 2);
  }

  static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  /** docker run of a scratch image holding busybox; -1 when there is no engine. */
  static double dockerRun(Path work) throws Exception {
    try {
      exec("docker", "info");
    } catch (Exception e) {
      return -1;
    }
    Path context = Files.createDirectories(work.resolve("docker"));
    Files.copy(Path.of("/bin/busybox"), context.resolve("busybox"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\nLABEL kiln.bench=plan-build\n");
    String image = "kiln-bench-plan-build:" + ProcessHandle.current().pid();
    exec("docker", "build", "-q", "-t", image, context.toString());
    try {
      exec("docker", "run", "--rm", "--network", "none", image, "/bin/busybox", "true");
      return median(10, () -> exec("docker", "run", "--rm", "--network", "none", image, "/bin/busybox", "true"));
    } finally {
      exec("docker", "rmi", "-f", image);
    }
  }

  static Path noOpPlan(Path work) throws Exception {
    Path plan = Files.createDirectories(work.resolve("noop"));
    Files.writeString(
        plan.resolve("plan.sh"),
        "pkg_name=noop\npkg_origin=bench\npkg_version=1.0\npkg_source=none\n"
            + "for cb in download verify clean unpack prepare build install strip; do\n"
            + "  eval \"do_$cb() { return 0; }\"\ndone\n");
    return plan;
  }

  /** Installed packages as the store holds them: one directory each with IDENT and TARGET. */
  static void fillStore(Path store, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      String ident = "bench/filler" + i + "/1.0/20260101000000";
      Path dir = Files.createDirectories(store.resolve("hab/pkgs").resolve(ident));
      Files.writeString(dir.resolve("IDENT"), ident + "\n");
      Files.writeString(dir.resolve("TARGET"), "x86_64-linux\n");
      Files.createDirectories(dir.resolve("bin"));
      Files.writeString(dir.resolve("bin/tool"), "#!/bin/sh\n");
    }
  }
}
