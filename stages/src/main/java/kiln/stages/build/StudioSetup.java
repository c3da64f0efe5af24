package kiln.stages.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.StudioInput;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;

/**
 * The studio specs of one build's two passes, as named inputs: the same studio kind, program, plan
 * and backline; the build pass adds the resolved dependencies, the cached source and maybe the
 * network. Both give back {@code /kiln/out} as their output tree.
 */
final class StudioSetup {

  private final BuildRequest request;
  private final BuildWorkspace workspace;
  private final Path planFile;
  private final String release;

  StudioSetup(BuildRequest request, BuildWorkspace workspace, Path planFile, String release) {
    this.request = request;
    this.workspace = workspace;
    this.planFile = planFile;
    this.release = release;
  }

  StudioType type() {
    return request.base().type();
  }

  /** The first pass: only the plan, the program and the base, no network, no dependencies. */
  StudioSpec facts(StudioPackages base) {
    return spec(base, List.of(), false, Map.of());
  }

  /** The build pass: the dependencies' closure, the cached source, network only if needed. */
  StudioSpec build(
      StudioPackages packages, Optional<StudioInput.SourceFile> source, boolean network) {
    Map<String, String> extra = new HashMap<>();
    extra.put("KILN_DEPS_FILE", BuildWorkspace.STUDIO_DIR + "/deps.env");
    // Tells the default download that kiln fetched the source: without a pkg_shasum it could not
    // tell the cached file from a stale one, and would go to the network the studio lacks.
    source.ifPresent(file -> extra.put("KILN_SOURCE_FETCHED", file.name()));
    if (request.check()) {
      extra.put("DO_CHECK", "true");
    }
    return spec(packages, source.stream().toList(), network, extra);
  }

  private StudioSpec spec(
      StudioPackages packages,
      List<StudioInput.SourceFile> source,
      boolean network,
      Map<String, String> extraEnv) {
    List<StudioInput> inputs = new ArrayList<>();
    inputs.add(new StudioInput.Plan(request.planDir()));
    inputs.add(workspace.program());
    packages
        .mounted()
        .forEach((ident, dir) -> inputs.add(new StudioInput.InstalledPackage(dir, ident)));
    inputs.addAll(source);
    Map<String, String> env = new HashMap<>(environment());
    env.putAll(extraEnv);
    Optional<Path> tools =
        request.base() instanceof StudioBase.Tools base
            ? Optional.of(base.tarball())
            : Optional.empty();
    return new StudioSpec(
        type(),
        tools,
        packages.backlineDirs(),
        inputs,
        env,
        network,
        Optional.of(BuildWorkspace.STUDIO_OUT));
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(request.settings());
    boolean stage1 = type() == StudioType.STAGE1;
    env.put("PATH", stage1 ? "/bin:/tools/bin" : "/bin");
    env.put("HOME", "/root");
    env.put("LC_ALL", "POSIX");
    env.put("STUDIO_TYPE", stage1 ? "stage1" : "default");
    env.put("KILN_PLAN", "/src/" + planFile.toString().replace('\\', '/'));
    env.put("KILN_OUT", BuildWorkspace.STUDIO_OUT);
    env.put("KILN_RELEASE", release);
    env.put("KILN_TARGET", request.target());
    request.origin().ifPresent(origin -> env.put("HAB_ORIGIN", origin));
    return env;
  }
}
