package kiln.stages.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kiln.stages.studio.BuildLimits;

/**
 * One plan to build, made by {@link #builder}: the plan dir, the studio's base and the results dir
 * are required, everything else has a default. A request is a value: it checks its own parts (a
 * setting kiln owns, a blank origin) but touches no file; what must exist on disk is checked when
 * the build starts, each problem named with its path ({@link PlanBuilder#build}).
 */
public final class BuildRequest {

  /** The default package target. */
  public static final String DEFAULT_TARGET = "x86_64-linux";

  /** Variables the studio environment owns; a setting may not replace them. */
  private static final Set<String> RESERVED =
      Set.of("PATH", "HOME", "LC_ALL", "STUDIO_TYPE", "HAB_ORIGIN", "DO_CHECK");

  private final Path planDir;
  private final StudioBase base;
  private final Path resultsDir;
  private final List<Path> installs;
  private final boolean check;
  private final Optional<String> origin;
  private final String target;
  private final BuildLimits limits;
  private final Map<String, String> settings;
  private final NetworkPolicy network;
  private final Optional<Path> log;

  private BuildRequest(Builder b) {
    this.planDir = Objects.requireNonNull(b.planDir, "planDir");
    this.base = Objects.requireNonNull(b.base, "base");
    this.resultsDir = Objects.requireNonNull(b.resultsDir, "resultsDir");
    this.installs = List.copyOf(b.installs);
    this.check = b.check;
    this.origin = b.origin;
    this.target = Objects.requireNonNull(b.target, "target");
    this.limits = Objects.requireNonNull(b.limits, "limits");
    this.settings = Map.copyOf(b.settings);
    this.network = Objects.requireNonNull(b.network, "network");
    this.log = b.log;
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
  }

  /**
   * A request to build the plan in {@code planDir} on {@code base}, writing to {@code resultsDir}.
   */
  public static Builder builder(Path planDir, StudioBase base, Path resultsDir) {
    return new Builder(planDir, base, resultsDir);
  }

  /** A builder holding this request's parts, to change some of them. */
  public Builder toBuilder() {
    return new Builder(planDir, base, resultsDir)
        .installs(installs)
        .check(check)
        .origin(origin)
        .target(target)
        .limits(limits)
        .settings(settings)
        .network(network)
        .log(log);
  }

  /** The plan's directory (holding plan.sh, habitat/plan.sh or a target's plan.sh). */
  public Path planDir() {
    return planDir;
  }

  /** The tools tarball (stage1 studio) or the backline packages (default studio). */
  public StudioBase base() {
    return base;
  }

  /** Where the artifact, last_build.env and the build log are published. */
  public Path resultsDir() {
    return resultsDir;
  }

  /** Harts to verify and install into the package store before the build resolves its deps. */
  public List<Path> installs() {
    return installs;
  }

  /** Whether do_check runs (DO_CHECK=true), when the plan defines it. */
  public boolean check() {
    return check;
  }

  /** The origin for plans that set none (HAB_ORIGIN), if any. */
  public Optional<String> origin() {
    return origin;
  }

  /** The package target, e.g. x86_64-linux. */
  public String target() {
    return target;
  }

  /** When the build is given up on. */
  public BuildLimits limits() {
    return limits;
  }

  /**
   * {@code VAR=value} settings for the build's environment, as a base-plans line gives them (e.g.
   * {@code FIRST_PASS=true}); kiln's own variables cannot be overridden.
   */
  public Map<String, String> settings() {
    return settings;
  }

  /** When the build pass may reach the network ({@code --network}). */
  public NetworkPolicy network() {
    return network;
  }

  /**
   * The file the build's output is written to as it runs (the ledger's log of this attempt); the
   * results dir's log is then a link to it. Empty: the log is written in the build's scratch space
   * and moved into the results dir.
   */
  public Optional<Path> log() {
    return log;
  }

  /** Sets the optional parts of a request; {@link #build} checks the whole. */
  public static final class Builder {
    private final Path planDir;
    private final StudioBase base;
    private final Path resultsDir;
    private List<Path> installs = List.of();
    private boolean check;
    private Optional<String> origin = Optional.empty();
    private String target = DEFAULT_TARGET;
    private BuildLimits limits = BuildLimits.defaults();
    private Map<String, String> settings = Map.of();
    private NetworkPolicy network = NetworkPolicy.DOWNLOAD;
    private Optional<Path> log = Optional.empty();

    private Builder(Path planDir, StudioBase base, Path resultsDir) {
      this.planDir = planDir;
      this.base = base;
      this.resultsDir = resultsDir;
    }

    /** Harts to install first (default: none). */
    public Builder installs(List<Path> harts) {
      this.installs = List.copyOf(harts);
      return this;
    }

    /** Whether do_check runs (default: no). */
    public Builder check(boolean doCheck) {
      this.check = doCheck;
      return this;
    }

    /** HAB_ORIGIN for plans that set no origin (default: none). */
    public Builder origin(Optional<String> habOrigin) {
      this.origin = Objects.requireNonNull(habOrigin, "origin");
      return this;
    }

    /** HAB_ORIGIN for plans that set no origin. */
    public Builder origin(String habOrigin) {
      return origin(Optional.of(habOrigin));
    }

    /** HAB_ORIGIN from an environment, when it is set and not blank (as the CLI reads it). */
    public Builder originFrom(Map<String, String> environment) {
      return origin(Optional.ofNullable(environment.get("HAB_ORIGIN")).filter(o -> !o.isBlank()));
    }

    /** The package target (default: {@value #DEFAULT_TARGET}). */
    public Builder target(String packageTarget) {
      this.target = packageTarget;
      return this;
    }

    /** When the build is given up on (default: {@link BuildLimits#defaults()}). */
    public Builder limits(BuildLimits buildLimits) {
      this.limits = buildLimits;
      return this;
    }

    /** {@code VAR=value} settings for the build's environment (default: none). */
    public Builder settings(Map<String, String> variables) {
      this.settings = Map.copyOf(variables);
      return this;
    }

    /** When the build pass may reach the network (default: {@link NetworkPolicy#DOWNLOAD}). */
    public Builder network(NetworkPolicy policy) {
      this.network = policy;
      return this;
    }

    /** The file the build's output goes to as it runs (default: the build's scratch space). */
    public Builder log(Optional<Path> file) {
      this.log = Objects.requireNonNull(file, "log");
      return this;
    }

    /** The file the build's output goes to as it runs; the results dir links to it. */
    public Builder log(Path file) {
      return log(Optional.of(file));
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException when a setting names a variable kiln sets itself
     */
    public BuildRequest build() {
      return new BuildRequest(this);
    }
  }
}
