package kiln.orchestrator.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kiln.orchestrator.farm.HostSpec;
import kiln.resume.StageName;
import kiln.stages.build.NetworkPolicy;
import kiln.stages.build.SourceMirrors;
import kiln.stages.studio.BuildLimits;
import kiln.world.PackageIdent;

/**
 * A distribution's {@code kiln.yaml}, read and checked; every path is absolute, resolved against
 * the folder the file is in.
 *
 * @param file the config file
 * @param origin the origin of the distribution's plans and keys
 * @param target the package target, e.g. {@code x86_64-linux}
 * @param plans the folders searched for {@code plan.sh}
 * @param basePlans the base-plan list: lines {@code plan-dir [VAR=value ...]}
 * @param toolchain the stage0 tools spec, when kiln makes the tools tarball
 * @param toolsTarball a ready tools tarball, instead of a spec
 * @param studio which studio builds run in
 * @param backline packages whose bin folders make up the studio's {@code /bin} from stage2 on
 * @param keys the origin keys' folder (generated on the first run if absent)
 * @param check whether builds run their test suites ({@code DO_CHECK})
 * @param compare whether the compare stage runs after stage3: the base rebuilt from stage3's
 *     packages must be identical to stage2's
 * @param jobs how many world builds run at once
 * @param limits every build's wall-clock and silence limits ({@code timeout}, {@code
 *     silence-timeout})
 * @param network when a build may reach the network ({@code network: download|never})
 * @param sources source mirrors: folders and URLs where a plan's source file is looked up by name
 *     (and taken only with the plan's sha256) before its own URL
 * @param hosts the build hosts whose Docker engines run the builds ({@code hosts}); empty: the one
 *     local studio of {@code studio}
 * @param work the ledger, logs, studios and package store
 * @param hooks the site's own commands before and after each stage and each build
 * @param publish the repository published after a stage ({@code publish:}), if any
 */
public record KilnConfig(
    Path file,
    String origin,
    String target,
    List<Path> plans,
    Path basePlans,
    Optional<Path> toolchain,
    Optional<Path> toolsTarball,
    StudioChoice studio,
    List<PackageIdent> backline,
    Path keys,
    boolean check,
    boolean compare,
    int jobs,
    BuildLimits limits,
    NetworkPolicy network,
    SourceMirrors sources,
    List<HostSpec> hosts,
    Path work,
    Hooks hooks,
    Optional<PublishSettings> publish) {

  /** The most builds at once kiln.yaml's {@code jobs} and {@code -j} allow. */
  public static final int MAX_JOBS = 256;

  public KilnConfig {
    Objects.requireNonNull(file, "file");
    plans = List.copyOf(plans);
    backline = List.copyOf(backline);
    hosts = List.copyOf(hosts);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(publish, "publish");
    if (toolchain.isPresent() == toolsTarball.isPresent()) {
      throw new IllegalArgumentException(
          file + ": give exactly one of 'toolchain' and 'tools-tarball'");
    }
    if (jobs < 1) {
      throw new IllegalArgumentException(file + ": jobs must be at least 1, not " + jobs);
    }
  }

  /** The folder the config file is in: relative paths and results are there. */
  public Path folder() {
    return file.toAbsolutePath().getParent();
  }

  /** Where a stage's artifacts go: {@code results-stage1/} ... beside the config file. */
  public Path results(StageName stage) {
    return folder().resolve("results-" + stage.id());
  }

  /** Which studio builds run in. */
  public enum StudioChoice {
    /** Docker when an engine answers, else the chroot studio. */
    AUTO,
    DOCKER,
    CHROOT
  }
}
