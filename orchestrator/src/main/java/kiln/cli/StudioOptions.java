package kiln.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.StudioInput;
import kiln.stages.studio.StudioInput.HostPath;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;
import picocli.CommandLine.Option;

/** What a studio holds, as options shared by {@code kiln studio enter} and {@code run}. */
final class StudioOptions {

  @Option(
      names = "--tools",
      paramLabel = "TARBALL",
      description = "A stage1 studio made from this tools tarball (tools/ at /tools).")
  Path tools;

  @Option(
      names = "--backline-dir",
      paramLabel = "DIR",
      description =
          "A default studio: installed package directories (.../ORIGIN/NAME/VERSION/RELEASE)"
              + " whose programs make up /bin.")
  List<Path> backline = new ArrayList<>();

  @Option(
      names = "--src",
      paramLabel = "PLAN_DIR",
      description = "The plan directory, shown read-only at /src (the working directory).")
  Path src;

  @Option(
      names = "--mount",
      paramLabel = "SRC:TARGET[:ro]",
      description = "Another host directory to show in the studio.")
  List<String> mounts = new ArrayList<>();

  @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable.")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(names = "--network", description = "Let the studio reach the network (off by default).")
  boolean network;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "kiln's work directory (default: the current one); labels the studio.")
  Path work = Path.of("");

  /** With --plan the build decides what the studio holds: these options would contradict it. */
  void refuseWithPlan() {
    List<String> given = new ArrayList<>();
    if (!backline.isEmpty()) {
      given.add("--backline-dir (use --backline IDENT)");
    }
    if (src != null) {
      given.add("--src (the plan is at /src)");
    }
    if (!mounts.isEmpty()) {
      given.add("--mount");
    }
    if (!env.isEmpty()) {
      given.add("--env");
    }
    if (network) {
      given.add("--network (the plan gets the network as its build would)");
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(
          "--plan makes the studio a build of the plan gets; drop " + String.join(", ", given));
    }
  }

  StudioSpec spec() {
    if ((tools == null) == backline.isEmpty()) {
      throw new IllegalArgumentException(
          "name the studio: --tools TARBALL for a stage1 studio, or --backline-dir DIR... for a"
              + " default one");
    }
    List<StudioInput> all = new ArrayList<>();
    if (src != null) {
      all.add(new StudioInput.Plan(src));
    }
    for (String m : mounts) {
      all.add(mount(m));
    }
    StudioType type = tools == null ? StudioType.DEFAULT : StudioType.STAGE1;
    return new StudioSpec(
        type,
        Optional.ofNullable(tools).map(Path::toAbsolutePath),
        backline,
        all,
        environment(type),
        network);
  }

  /** A build's basic environment (as Habitat's studio sets it), then the --env options. */
  private Map<String, String> environment(StudioType type) {
    Map<String, String> all = new LinkedHashMap<>();
    boolean stage1 = type == StudioType.STAGE1;
    all.put("PATH", stage1 ? "/bin:/tools/bin" : "/bin");
    all.put("HOME", "/root");
    all.put("LC_ALL", "POSIX");
    all.put("STUDIO_TYPE", stage1 ? "stage1" : "default");
    all.putAll(env);
    return all;
  }

  private static HostPath mount(String option) {
    String[] parts = option.split(":");
    if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("ro"))) {
      throw new IllegalArgumentException(
          "--mount " + option + ": expected SRC:TARGET or SRC:TARGET:ro");
    }
    return new HostPath(Path.of(parts[0]).toAbsolutePath(), parts[1], parts.length == 3);
  }
}
