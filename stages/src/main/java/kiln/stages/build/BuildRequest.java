package kiln.stages.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kiln.stages.studio.BuildLimits;
import kiln.world.PackageIdent;

/**
 * One plan to build.
 *
 * @param planDir the plan's directory (holding plan.sh, habitat/plan.sh or a target's plan.sh)
 * @param toolsTarball for a stage1 studio: the tools tarball mounted at /tools
 * @param backline for a default studio: the packages that provide /bin (bash and utilities)
 * @param installs harts to verify and install into the package store before resolving deps
 * @param resultsDir where the artifact, last_build.env and the build log are written
 * @param check whether do_check runs (DO_CHECK=true), when the plan defines it
 * @param origin the origin for plans that set none (HAB_ORIGIN), if any
 * @param target the package target, e.g. x86_64-linux
 * @param limits when the build is given up on
 * @param settings {@code VAR=value} settings for the build's environment, as a base-plans line
 *     gives them (e.g. {@code FIRST_PASS=true}); kiln's own variables cannot be overridden
 * @param network when the build pass may reach the network ({@code --network})
 */
public record BuildRequest(
    Path planDir,
    Optional<Path> toolsTarball,
    List<PackageIdent> backline,
    List<Path> installs,
    Path resultsDir,
    boolean check,
    Optional<String> origin,
    String target,
    BuildLimits limits,
    Map<String, String> settings,
    NetworkPolicy network) {

  /** The default package target. */
  public static final String DEFAULT_TARGET = "x86_64-linux";

  /** Variables the studio environment owns; a setting may not replace them. */
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of("PATH", "HOME", "LC_ALL", "STUDIO_TYPE", "HAB_ORIGIN", "DO_CHECK");

  public BuildRequest {
    Objects.requireNonNull(planDir, "planDir");
    Objects.requireNonNull(toolsTarball, "toolsTarball");
    backline = List.copyOf(backline);
    installs = List.copyOf(installs);
    Objects.requireNonNull(resultsDir, "resultsDir");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(limits, "limits");
    settings = Map.copyOf(settings);
    Objects.requireNonNull(network, "network");
    for (String name : settings.keySet()) {
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")
          || RESERVED.contains(name)
          || name.startsWith("KILN_")) {
        throw new IllegalArgumentException(
            "cannot set "
                + name
                + " for a build: kiln sets it itself (or it is not a variable name)");
      }
    }
    if (toolsTarball.isPresent() == !backline.isEmpty()) {
      throw new IllegalArgumentException(
          "give either a tools tarball (stage1 studio) or backline packages (default studio): "
              + toolsTarball.map(Path::toString).orElse("no tarball")
              + ", backline "
              + backline);
    }
    if (!Files.isDirectory(planDir)) {
      throw new IllegalArgumentException("plan directory not found: " + planDir);
    }
  }

  /** A request with the default network policy: the network only for a plan's own download. */
  public BuildRequest(
      Path planDir,
      Optional<Path> toolsTarball,
      List<PackageIdent> backline,
      List<Path> installs,
      Path resultsDir,
      boolean check,
      Optional<String> origin,
      String target,
      BuildLimits limits,
      Map<String, String> settings) {
    this(
        planDir,
        toolsTarball,
        backline,
        installs,
        resultsDir,
        check,
        origin,
        target,
        limits,
        settings,
        NetworkPolicy.DOWNLOAD);
  }

  /** A stage1 build with default limits, target and no extra installs. */
  public static BuildRequest stage1(Path planDir, Path toolsTarball, Path resultsDir) {
    return new BuildRequest(
        planDir,
        Optional.of(toolsTarball),
        List.of(),
        List.of(),
        resultsDir,
        false,
        Optional.empty(),
        DEFAULT_TARGET,
        BuildLimits.defaults(),
        Map.of());
  }

  public BuildRequest withInstalls(List<Path> harts) {
    return new BuildRequest(
        planDir,
        toolsTarball,
        backline,
        harts,
        resultsDir,
        check,
        origin,
        target,
        limits,
        settings,
        network);
  }

  public BuildRequest withCheck(boolean doCheck) {
    return new BuildRequest(
        planDir,
        toolsTarball,
        backline,
        installs,
        resultsDir,
        doCheck,
        origin,
        target,
        limits,
        settings,
        network);
  }

  public BuildRequest withLimits(BuildLimits newLimits) {
    return new BuildRequest(
        planDir,
        toolsTarball,
        backline,
        installs,
        resultsDir,
        check,
        origin,
        target,
        newLimits,
        settings,
        network);
  }

  public BuildRequest withOrigin(String habOrigin) {
    return new BuildRequest(
        planDir,
        toolsTarball,
        backline,
        installs,
        resultsDir,
        check,
        Optional.of(habOrigin),
        target,
        limits,
        settings,
        network);
  }

  /** This request with {@code VAR=value} settings for the build's environment. */
  public BuildRequest withSettings(Map<String, String> newSettings) {
    return new BuildRequest(
        planDir,
        toolsTarball,
        backline,
        installs,
        resultsDir,
        check,
        origin,
        target,
        limits,
        newSettings,
        network);
  }

  /** This request with another network policy. */
  public BuildRequest withNetwork(NetworkPolicy policy) {
    return new BuildRequest(
        planDir,
        toolsTarball,
        backline,
        installs,
        resultsDir,
        check,
        origin,
        target,
        limits,
        settings,
        policy);
  }
}
